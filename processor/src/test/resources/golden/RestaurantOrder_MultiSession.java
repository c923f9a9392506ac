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
@CodecAbiVersion(3)
public final class RestaurantOrder_MultiSession extends GeneratedCodec<RestaurantOrder> {
  /**
   * The codec of {@link RestaurantOrder}; stateless and thread-safe.
   */
  public static final RestaurantOrder_MultiSession INSTANCE = new RestaurantOrder_MultiSession();

  /**
   * The ancestor's codec, {@link Order_MultiSession}, for the types {@code RestaurantOrder} binds its type variables to.
   */
  private static final Order_MultiSession<RestaurantOrderline> ANCESTOR = new Order_MultiSession<RestaurantOrderline>(RestaurantOrderline_MultiSession.INSTANCE);

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
    return ANCESTOR.exportId(model);
  }

  @Override
  protected void exportTo(RestaurantOrder model, ObjectNode json) {
    ANCESTOR.exportInto(model, json);
    json.put("table_id", model.tableId);
    json.put("guests", model.guests);
  }

  @Override
  protected void initFrom(RestaurantOrder model, JsonNode json) {
    ANCESTOR.initFromJson(model, json);
    model.tableId = ValueCodecs.STRING.init(json, "table_id", model.tableId);
    model.guests = ValueUpdates.initInt(json, "guests", model.guests);
  }

  @Override
  protected void applyTo(RestaurantOrder model, JsonNode data, Set<String> changed) {
    ANCESTOR.applyMsData(model, data, changed);
    model.tableId = ValueCodecs.STRING.apply(data, "table_id", model.tableId, changed);
    model.guests = ValueUpdates.applyInt(data, "guests", model.guests, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    fields.addAll(ANCESTOR.fields());
    fields.add(SyncedField.value("table_id", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("guests", Merge.LAST_WRITER_WINS));
  }
}
