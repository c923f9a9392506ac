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
 * Multi-session sync code for {@link Orderline}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Orderline_MultiSession extends GeneratedCodec<Orderline> {
  /**
   * The codec of {@link Orderline}; stateless and thread-safe.
   */
  public static final Orderline_MultiSession INSTANCE = new Orderline_MultiSession();

  /**
   * Only {@link #INSTANCE}.
   */
  private Orderline_MultiSession() {
    super(Orderline.class, "uid");
  }

  @Override
  public Orderline newInstance() {
    return new Orderline();
  }

  @Override
  public JsonNode exportId(Orderline model) {
    return idOf(model);
  }

  @Override
  protected void exportTo(Orderline model, ObjectNode json) {
    exportFields(model, json);
  }

  @Override
  protected void initFrom(Orderline model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  protected void applyTo(Orderline model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    addFields(fields);
  }

  /**
   * Writes the synced fields of {@link Orderline} and of its ancestors into {@code json}.
   *
   * @param model the model
   * @param json the object to write into
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
   *
   * @param model a freshly constructed model
   * @param json the model as JSON
   */
  public static void initFields(Orderline model, JsonNode json) {
    ValueUpdates.init(json, "uid", ValueCodecs.STRING, v -> model.uid = v);
    ValueUpdates.initInt(json, "qty", v -> model.quantity = v);
    ValueUpdates.init(json, "price_unit", ValueCodecs.BIG_DECIMAL, model::setPrice);
    ValueUpdates.initBoolean(json, "printed", model::setPrinted);
    ValueUpdates.init(json, "note", ValueCodecs.STRING, v -> model.note = v);
  }

  /**
   * Applies the keys {@code data} has to {@link Orderline} and its ancestors, adding those that changed to {@code changed}.
   *
   * @param model the model
   * @param data a partial update
   * @param changed the keys that changed
   */
  public static void applyFields(Orderline model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    ValueUpdates.applyInt(data, "qty", model.quantity, v -> model.quantity = v, changed);
    ValueUpdates.apply(data, "price_unit", ValueCodecs.BIG_DECIMAL, model.getPrice(), model::setPrice, changed);
    ValueUpdates.applyBoolean(data, "printed", model.isPrinted(), model::setPrinted, changed);
    ValueUpdates.apply(data, "note", ValueCodecs.STRING, model.note, v -> model.note = v, changed);
  }

  /**
   * Adds the metadata of the synced fields of {@link Orderline}, ancestors' first, to {@code fields}.
   *
   * @param fields the list to add to
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
   *
   * @param model the model
   * @return the id
   */
  public static JsonNode idOf(Orderline model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }
}
