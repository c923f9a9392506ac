package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueReads;
import dev.multisession.runtime.codec.abi.ValueUpdates;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Orderline}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(3)
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
    return ValueCodecs.STRING.toJson(model.uid);
  }

  @Override
  protected void exportTo(Orderline model, ObjectNode json) {
    json.put("uid", model.uid);
    json.put("qty", model.quantity);
    json.put("price_unit", model.getPrice());
    json.put("printed", model.isPrinted());
    json.put("note", model.note);
  }

  @Override
  protected void initFrom(Orderline model, JsonNode json) {
    model.uid = ValueCodecs.STRING.init(json, "uid", model.uid);
    model.quantity = ValueUpdates.initInt(json, "qty", model.quantity);
    JsonNode priceNode = json.get("price_unit");
    if (priceNode != null) model.setPrice(ValueCodecs.BIG_DECIMAL.fromJson(priceNode, "price_unit"));
    JsonNode printedNode = json.get("printed");
    if (printedNode != null) model.setPrinted(ValueReads.readBoolean(printedNode, "printed"));
    model.note = ValueCodecs.STRING.init(json, "note", model.note);
  }

  @Override
  protected void applyTo(Orderline model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    model.quantity = ValueUpdates.applyInt(data, "qty", model.quantity, changed);
    var priceBefore = model.getPrice();
    var priceAfter = ValueCodecs.BIG_DECIMAL.apply(data, "price_unit", priceBefore, changed);
    if (priceAfter != priceBefore) model.setPrice(priceAfter);
    var printedBefore = model.isPrinted();
    var printedAfter = ValueUpdates.applyBoolean(data, "printed", printedBefore, changed);
    if (printedAfter != printedBefore) model.setPrinted(printedAfter);
    model.note = ValueCodecs.STRING.apply(data, "note", model.note, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.value("qty", Merge.COUNTER));
    fields.add(SyncedField.value("price_unit", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("printed", Merge.LAST_WRITER_WINS));
    fields.add(SyncedField.value("note", Merge.LAST_WRITER_WINS));
  }
}
