package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.ValueReads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link RestaurantOrder}, generated from its {@code @MultiSessionField} fields.
 *
 * <p>The fields {@code RestaurantOrder} inherits are handled by {@link Order_MultiSession}.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class RestaurantOrder_MultiSession implements MultiSessionCodec<RestaurantOrder> {
  /**
   * The codec of {@link RestaurantOrder}; stateless and thread-safe.
   */
  public static final RestaurantOrder_MultiSession INSTANCE = new RestaurantOrder_MultiSession();

  private static final Optional<String> ID_KEY = Optional.of("uid");

  private volatile List<SyncedField> fieldList;

  private RestaurantOrder_MultiSession() {
  }

  @Override
  public Class<RestaurantOrder> modelType() {
    return RestaurantOrder.class;
  }

  @Override
  public RestaurantOrder newInstance() {
    return new RestaurantOrder();
  }

  @Override
  public ObjectNode exportAsJson(RestaurantOrder model) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    exportFields(model, json);
    return json;
  }

  @Override
  public void initFromJson(RestaurantOrder model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  public Set<String> applyMsData(RestaurantOrder model, JsonNode data) {
    Set<String> changed = new LinkedHashSet<>();
    applyFields(model, data, changed);
    return changed;
  }

  @Override
  public void applyMsData(RestaurantOrder model, JsonNode data, Set<String> changed) {
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
  public JsonNode exportId(RestaurantOrder model) {
    return idOf(model);
  }

  /**
   * Writes the synced fields of {@link RestaurantOrder} and of its ancestors into {@code json}.
   */
  public static void exportFields(RestaurantOrder model, ObjectNode json) {
    Order_MultiSession.exportFields(model, json, RestaurantOrderline_MultiSession.INSTANCE);
    json.put("table_id", model.tableId);
    json.put("guests", model.guests);
  }

  /**
   * Sets every synced field of {@link RestaurantOrder} and of its ancestors whose key {@code json} has.
   */
  public static void initFields(RestaurantOrder model, JsonNode json) {
    Order_MultiSession.initFields(model, json, RestaurantOrderline_MultiSession.INSTANCE);
    JsonNode tableIdJson = json.get("table_id");
    if (tableIdJson != null) {
      model.tableId = ValueReads.readString(tableIdJson, "table_id");
    }
    JsonNode guestsJson = json.get("guests");
    if (guestsJson != null) {
      model.guests = ValueReads.readInt(guestsJson, "guests");
    }
  }

  /**
   * Applies the keys {@code data} has to {@link RestaurantOrder} and its ancestors, adding those that changed to {@code changed}.
   */
  public static void applyFields(RestaurantOrder model, JsonNode data, Set<String> changed) {
    Order_MultiSession.applyFields(model, data, changed, RestaurantOrderline_MultiSession.INSTANCE);
    JsonNode tableIdJson = data.get("table_id");
    if (tableIdJson != null) {
      String value = ValueReads.readString(tableIdJson, "table_id");
      if (!Objects.equals(value, model.tableId)) {
        model.tableId = value;
        changed.add("table_id");
      }
    }
    JsonNode guestsJson = data.get("guests");
    if (guestsJson != null) {
      int value = ValueReads.readInt(guestsJson, "guests");
      if (value != model.guests) {
        model.guests = value;
        changed.add("guests");
      }
    }
  }

  /**
   * Adds the metadata of the synced fields of {@link RestaurantOrder}, ancestors' first, to {@code fields}.
   */
  public static void addFields(List<SyncedField> fields) {
    Order_MultiSession.addFields(fields, RestaurantOrderline_MultiSession.INSTANCE);
    fields.add(SyncedField.value("table_id", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("guests", Merge.LAST_WRITER_WINS));
  }

  /**
   * The id of a {@link RestaurantOrder} as it is exported.
   */
  public static JsonNode idOf(RestaurantOrder model) {
    return Order_MultiSession.idOf(model);
  }
}
