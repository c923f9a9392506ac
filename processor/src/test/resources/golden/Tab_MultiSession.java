package com.acme.bar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.PolymorphicCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.ModelValues;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueReads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Tab}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Tab_MultiSession implements MultiSessionCodec<Tab> {
  /**
   * The codec of {@link Tab}; stateless and thread-safe.
   */
  public static final Tab_MultiSession INSTANCE = new Tab_MultiSession();

  private static final Optional<String> ID_KEY = Optional.of("uid");

  private volatile List<SyncedField> fieldList;

  private Tab_MultiSession() {
  }

  @Override
  public Class<Tab> modelType() {
    return Tab.class;
  }

  @Override
  public Tab newInstance() {
    return new Tab();
  }

  @Override
  public ObjectNode exportAsJson(Tab model) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    exportFields(model, json);
    return json;
  }

  @Override
  public void initFromJson(Tab model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  public Set<String> applyMsData(Tab model, JsonNode data) {
    Set<String> changed = new LinkedHashSet<>();
    applyFields(model, data, changed);
    return changed;
  }

  @Override
  public void applyMsData(Tab model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed);
  }

  @Override
  public List<SyncedField> fields() {
    // Built on first use: the codecs of nested models may not be initialised yet when this one is
    List<SyncedField> result = fieldList;
    if (result == null) {
      List<SyncedField> collected = new ArrayList<>();
      addFields(collected);
      result = List.copyOf(collected);
      fieldList = result;
    }
    return result;
  }

  @Override
  public Optional<String> idKey() {
    return ID_KEY;
  }

  @Override
  public JsonNode exportId(Tab model) {
    return idOf(model);
  }

  /**
   * Writes the synced fields of {@link Tab} and of its ancestors into {@code json}.
   */
  public static void exportFields(Tab model, ObjectNode json) {
    json.put("uid", model.uid);
    json.set("rounds", ModelValues.exportAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds));
    json.set("drinks", ModelValues.exportAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks));
    json.set("special", ModelValues.export(PolymorphicCodec.of(Round.class, "uid"), model.special));
  }

  /**
   * Sets every synced field of {@link Tab} and of its ancestors whose key {@code json} has.
   */
  public static void initFields(Tab model, JsonNode json) {
    JsonNode uidJson = json.get("uid");
    if (uidJson != null) {
      model.uid = ValueReads.readString(uidJson, "uid");
    }
    JsonNode roundsJson = json.get("rounds");
    if (roundsJson != null) {
      model.rounds = ModelValues.readAll(PolymorphicCodec.of(Round.class, "uid"), roundsJson, "rounds", ArrayList::new);
    }
    JsonNode drinksJson = json.get("drinks");
    if (drinksJson != null) {
      model.drinks = ModelValues.readAll(PolymorphicCodec.of(Drink.class, "uid"), drinksJson, "drinks", ArrayList::new);
    }
    JsonNode specialJson = json.get("special");
    if (specialJson != null) {
      model.special = ModelValues.read(PolymorphicCodec.of(Round.class, "uid"), specialJson, "special");
    }
  }

  /**
   * Applies the keys {@code data} has to {@link Tab} and its ancestors, adding those that changed to {@code changed}.
   */
  public static void applyFields(Tab model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    JsonNode roundsJson = data.get("rounds");
    if (roundsJson != null) {
      List<Round> value = ModelValues.applyAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds, roundsJson, "rounds", changed, ArrayList::new);
      if (value != model.rounds) {
        model.rounds = value;
      }
    }
    JsonNode drinksJson = data.get("drinks");
    if (drinksJson != null) {
      List<Drink> value = ModelValues.applyAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks, drinksJson, "drinks", changed, ArrayList::new);
      if (value != model.drinks) {
        model.drinks = value;
      }
    }
    JsonNode specialJson = data.get("special");
    if (specialJson != null) {
      Round value = ModelValues.apply(PolymorphicCodec.of(Round.class, "uid"), model.special, specialJson, "special", changed);
      if (value != model.special) {
        model.special = value;
      }
    }
  }

  /**
   * Adds the metadata of the synced fields of {@link Tab}, ancestors' first, to {@code fields}.
   */
  public static void addFields(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("rounds", PolymorphicCodec.of(Round.class, "uid")));
    fields.add(SyncedField.modelCollection("drinks", PolymorphicCodec.of(Drink.class, "uid")));
    fields.add(SyncedField.model("special", PolymorphicCodec.of(Round.class, "uid")));
  }

  /**
   * The id of a {@link Tab} as it is exported.
   */
  public static JsonNode idOf(Tab model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }
}
