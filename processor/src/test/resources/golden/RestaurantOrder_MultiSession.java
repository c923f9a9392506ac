package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueUpdates;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link RestaurantOrder}, generated from its {@code @MultiSessionField} fields.
 *
 * <p>The fields {@code RestaurantOrder} inherits are handled by {@link Order_MultiSession}.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class RestaurantOrder_MultiSession extends GeneratedCodec<RestaurantOrder> {
  /**
   * The codec of {@link RestaurantOrder}; stateless and thread-safe.
   */
  public static final RestaurantOrder_MultiSession INSTANCE = new RestaurantOrder_MultiSession();

  /**
   * Only {@link #INSTANCE}.
   */
  private RestaurantOrder_MultiSession() {
    super(RestaurantOrder.class, "uid");
  }

  @Override
  public RestaurantOrder newInstance() {
    return new RestaurantOrder();
  }

  @Override
  public JsonNode exportId(RestaurantOrder model) {
    return idOf(model);
  }

  @Override
  protected void exportTo(RestaurantOrder model, ObjectNode json) {
    exportFields(model, json);
  }

  @Override
  protected void initFrom(RestaurantOrder model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  protected void applyTo(RestaurantOrder model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    addFields(fields);
  }

  /**
   * Writes the synced fields of {@link RestaurantOrder} and of its ancestors into {@code json}.
   *
   * @param model the model
   * @param json the object to write into
   */
  public static void exportFields(RestaurantOrder model, ObjectNode json) {
    Order_MultiSession.exportFields(model, json, RestaurantOrderline_MultiSession.INSTANCE);
    json.put("table_id", model.tableId);
    json.put("guests", model.guests);
  }

  /**
   * Sets every synced field of {@link RestaurantOrder} and of its ancestors whose key {@code json} has.
   *
   * @param model a freshly constructed model
   * @param json the model as JSON
   */
  public static void initFields(RestaurantOrder model, JsonNode json) {
    Order_MultiSession.initFields(model, json, RestaurantOrderline_MultiSession.INSTANCE);
    ValueUpdates.init(json, "table_id", ValueCodecs.STRING, v -> model.tableId = v);
    ValueUpdates.initInt(json, "guests", v -> model.guests = v);
  }

  /**
   * Applies the keys {@code data} has to {@link RestaurantOrder} and its ancestors, adding those that changed to {@code changed}.
   *
   * @param model the model
   * @param data a partial update
   * @param changed the keys that changed
   */
  public static void applyFields(RestaurantOrder model, JsonNode data, Set<String> changed) {
    Order_MultiSession.applyFields(model, data, changed, RestaurantOrderline_MultiSession.INSTANCE);
    ValueUpdates.apply(data, "table_id", ValueCodecs.STRING, model.tableId, v -> model.tableId = v, changed);
    ValueUpdates.applyInt(data, "guests", model.guests, v -> model.guests = v, changed);
  }

  /**
   * Adds the metadata of the synced fields of {@link RestaurantOrder}, ancestors' first, to {@code fields}.
   *
   * @param fields the list to add to
   */
  public static void addFields(List<SyncedField> fields) {
    Order_MultiSession.addFields(fields, RestaurantOrderline_MultiSession.INSTANCE);
    fields.add(SyncedField.value("table_id", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("guests", Merge.LAST_WRITER_WINS));
  }

  /**
   * The id of a {@link RestaurantOrder} as it is exported.
   *
   * @param model the model
   * @return the id
   */
  public static JsonNode idOf(RestaurantOrder model) {
    return Order_MultiSession.idOf(model);
  }
}
