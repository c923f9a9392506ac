package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.DerivedCodec;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.ValueCodec;
import dev.multisession.runtime.codec.ValueCodecs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Orderline}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
public final class Orderline_MultiSession implements MultiSessionCodec<Orderline> {
  /**
   * The codec of {@link Orderline}; stateless and thread-safe.
   */
  public static final Orderline_MultiSession INSTANCE = new Orderline_MultiSession();

  private static final Optional<String> ID_KEY = Optional.of("uid");

  private static final ValueCodec<String> UID_CODEC = ValueCodecs.STRING;

  private static final ValueCodec<BigDecimal> PRICE_CODEC = ValueCodecs.BIG_DECIMAL;

  private static final ValueCodec<String> NOTE_CODEC = ValueCodecs.STRING;

  private volatile List<SyncedField> fieldList;

  private Orderline_MultiSession() {
  }

  @Override
  public Class<Orderline> modelType() {
    return Orderline.class;
  }

  @Override
  public Orderline newInstance() {
    return new Orderline();
  }

  @Override
  public ObjectNode exportAsJson(Orderline model) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    exportFields(model, json);
    return json;
  }

  @Override
  public void initFromJson(Orderline model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  public Set<String> applyMsData(Orderline model, JsonNode data) {
    Set<String> changed = new LinkedHashSet<>();
    applyFields(model, data, changed);
    return changed;
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
  public JsonNode exportId(Orderline model) {
    return idOf(model);
  }

  /**
   * Writes the synced fields of {@link Orderline} and of its ancestors into {@code json}.
   */
  public static void exportFields(Orderline model, ObjectNode json) {
    json.set("uid", UID_CODEC.toJson(model.uid));
    json.put("qty", model.quantity);
    json.set("price_unit", PRICE_CODEC.toJson(model.getPrice()));
    json.put("printed", model.isPrinted());
    json.set("note", NOTE_CODEC.toJson(model.note));
  }

  /**
   * Sets every synced field of {@link Orderline} and of its ancestors whose key {@code json} has.
   */
  public static void initFields(Orderline model, JsonNode json) {
    JsonNode uidJson = json.get("uid");
    if (uidJson != null) {
      model.uid = UID_CODEC.fromJson(uidJson, "uid");
    }
    JsonNode quantityJson = json.get("qty");
    if (quantityJson != null) {
      model.quantity = ValueCodecs.INT.fromJsonNonNull(quantityJson, "qty");
    }
    JsonNode priceJson = json.get("price_unit");
    if (priceJson != null) {
      model.setPrice(PRICE_CODEC.fromJson(priceJson, "price_unit"));
    }
    JsonNode printedJson = json.get("printed");
    if (printedJson != null) {
      model.setPrinted(ValueCodecs.BOOLEAN.fromJsonNonNull(printedJson, "printed"));
    }
    JsonNode noteJson = json.get("note");
    if (noteJson != null) {
      model.note = NOTE_CODEC.fromJson(noteJson, "note");
    }
  }

  /**
   * Applies the keys {@code data} has to {@link Orderline} and its ancestors, adding those that changed to {@code changed}.
   */
  public static void applyFields(Orderline model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    JsonNode quantityJson = data.get("qty");
    if (quantityJson != null) {
      int value = ValueCodecs.INT.fromJsonNonNull(quantityJson, "qty");
      if (value != model.quantity) {
        model.quantity = value;
        changed.add("qty");
      }
    }
    JsonNode priceJson = data.get("price_unit");
    if (priceJson != null) {
      BigDecimal value = PRICE_CODEC.fromJson(priceJson, "price_unit");
      if (!PRICE_CODEC.same(value, model.getPrice())) {
        model.setPrice(value);
        changed.add("price_unit");
      }
    }
    JsonNode printedJson = data.get("printed");
    if (printedJson != null) {
      boolean value = ValueCodecs.BOOLEAN.fromJsonNonNull(printedJson, "printed");
      if (value != model.isPrinted()) {
        model.setPrinted(value);
        changed.add("printed");
      }
    }
    JsonNode noteJson = data.get("note");
    if (noteJson != null) {
      String value = NOTE_CODEC.fromJson(noteJson, "note");
      if (!NOTE_CODEC.same(value, model.note)) {
        model.note = value;
        changed.add("note");
      }
    }
  }

  /**
   * Adds the metadata of the synced fields of {@link Orderline}, ancestors' first, to {@code fields}.
   */
  public static void addFields(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.value("qty", Merge.COUNTER));
    fields.add(SyncedField.value("price_unit", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("printed", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("note", Merge.LAST_WRITER_WINS));
  }

  /**
   * The id of a {@link Orderline} as it is exported.
   */
  public static JsonNode idOf(Orderline model) {
    return UID_CODEC.toJson(model.uid);
  }

  /**
   * The codec of a subclass of {@link Orderline} that declares no synced field of its own; called once by
   * {@code MultiSessionCodecs.forClass}.
   */
  public static <S extends Orderline> MultiSessionCodec<S> forSubclass(Class<S> type,
      Supplier<S> constructor) {
    List<SyncedField> fields = new ArrayList<>();
    addFields(fields);
    return new DerivedCodec<>(type, constructor,
        (model, json) -> exportFields(model, json),
        (model, json) -> initFields(model, json),
        (model, data, changed) -> applyFields(model, data, changed),
        model -> idOf(model),
        fields, "uid");
  }
}
