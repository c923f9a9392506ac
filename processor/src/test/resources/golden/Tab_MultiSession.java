package com.acme.bar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.PolymorphicCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import dev.multisession.runtime.codec.abi.ModelValues;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Tab}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(3)
public final class Tab_MultiSession extends GeneratedCodec<Tab> {
  /**
   * The codec of {@link Tab}; stateless and thread-safe.
   */
  public static final Tab_MultiSession INSTANCE = new Tab_MultiSession();

  /**
   * Only {@link #INSTANCE}.
   */
  private Tab_MultiSession() {
    super(Tab.class, "uid");
  }

  @Override
  public Tab newInstance() {
    return new Tab();
  }

  @Override
  public JsonNode exportId(Tab model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }

  @Override
  protected void exportTo(Tab model, ObjectNode json) {
    json.put("uid", model.uid);
    json.set("rounds", ModelValues.exportAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds));
    json.set("drinks", ModelValues.exportAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks));
    json.set("special", ModelValues.export(PolymorphicCodec.of(Round.class, "uid"), model.special));
  }

  @Override
  protected void initFrom(Tab model, JsonNode json) {
    model.uid = ValueCodecs.STRING.init(json, "uid", model.uid);
    JsonNode roundsNode = json.get("rounds");
    if (roundsNode != null) model.rounds = ModelValues.readAll(PolymorphicCodec.of(Round.class, "uid"), roundsNode, "rounds", ArrayList::new);
    JsonNode drinksNode = json.get("drinks");
    if (drinksNode != null) model.drinks = ModelValues.readAll(PolymorphicCodec.of(Drink.class, "uid"), drinksNode, "drinks", ArrayList::new);
    JsonNode specialNode = json.get("special");
    if (specialNode != null) model.special = ModelValues.read(PolymorphicCodec.of(Round.class, "uid"), specialNode, "special");
  }

  @Override
  protected void applyTo(Tab model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    JsonNode roundsNode = data.get("rounds");
    if (roundsNode != null) model.rounds = ModelValues.applyAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds, roundsNode, "rounds", changed, ArrayList::new);
    JsonNode drinksNode = data.get("drinks");
    if (drinksNode != null) model.drinks = ModelValues.applyAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks, drinksNode, "drinks", changed, ArrayList::new);
    JsonNode specialNode = data.get("special");
    if (specialNode != null) model.special = ModelValues.apply(PolymorphicCodec.of(Round.class, "uid"), model.special, specialNode, "special", changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("rounds", PolymorphicCodec.of(Round.class, "uid")));
    fields.add(SyncedField.modelCollection("drinks", PolymorphicCodec.of(Drink.class, "uid")));
    fields.add(SyncedField.model("special", PolymorphicCodec.of(Round.class, "uid")));
  }
}
