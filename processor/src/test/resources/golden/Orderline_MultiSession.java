package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueComparisons;
import dev.multisession.runtime.codec.abi.ValueReads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Orderline}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Orderline_MultiSession implements MultiSessionCodec<Orderline> {
  /**
   * The codec of {@link Orderline}; stateless and thread-safe.
   */
  public static final Orderline_MultiSession INSTANCE = new Orderline_MultiSession();

  private static final Optional<String> ID_KEY = Optional.of("uid");

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
  public void applyMsData(Orderline model, JsonNode data, Set<String> changed) {
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
  public JsonNode exportId(Orderline model) {
    return idOf(model);
  }

  /**
   * Writes the synced fields of {@link Orderline} and of its ancestors into {@code json}.
   */
  public static void exportFields(Orderline model, ObjectNode json) {
    json.put("uid", model.uid);
    json.put("qty", model.quantity);
    json.put("price_unit", model.getPrice());
    json.put("printed", model.isPrinted());
    json.put("note", model.note);
  }

  /**
   * Sets every synced field of {@link Orderline} and of its ancestors whose key {@code json} has.
   */
  public static void initFields(Orderline model, JsonNode json) {
    JsonNode uidJson = json.get("uid");
    if (uidJson != null) {
      model.uid = ValueReads.readString(uidJson, "uid");
    }
    JsonNode quantityJson = json.get("qty");
    if (quantityJson != null) {
      model.quantity = ValueReads.readInt(quantityJson, "qty");
    }
    JsonNode priceJson = json.get("price_unit");
    if (priceJson != null) {
      model.setPrice(ValueReads.readBigDecimal(priceJson, "price_unit"));
    }
    JsonNode printedJson = json.get("printed");
    if (printedJson != null) {
      model.setPrinted(ValueReads.readBoolean(printedJson, "printed"));
    }
    JsonNode noteJson = json.get("note");
    if (noteJson != null) {
      model.note = ValueReads.readString(noteJson, "note");
    }
  }

  /**
   * Applies the keys {@code data} has to {@link Orderline} and its ancestors, adding those that changed to {@code changed}.
   */
  public static void applyFields(Orderline model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    JsonNode quantityJson = data.get("qty");
    if (quantityJson != null) {
      int value = ValueReads.readInt(quantityJson, "qty");
      if (value != model.quantity) {
        model.quantity = value;
        changed.add("qty");
      }
    }
    JsonNode priceJson = data.get("price_unit");
    if (priceJson != null) {
      BigDecimal value = ValueReads.readBigDecimal(priceJson, "price_unit");
      if (!ValueComparisons.sameNumber(value, model.getPrice())) {
        model.setPrice(value);
        changed.add("price_unit");
      }
    }
    JsonNode printedJson = data.get("printed");
    if (printedJson != null) {
      boolean value = ValueReads.readBoolean(printedJson, "printed");
      if (value != model.isPrinted()) {
        model.setPrinted(value);
        changed.add("printed");
      }
    }
    JsonNode noteJson = data.get("note");
    if (noteJson != null) {
      String value = ValueReads.readString(noteJson, "note");
      if (!Objects.equals(value, model.note)) {
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
    return ValueCodecs.STRING.toJson(model.uid);
  }
}
