package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
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
 * Multi-session sync code for {@link Order}, generated from its {@code @MultiSessionField} fields.
 *
 * @param <L> the type of the model's {@code L}
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(3)
public final class Order_MultiSession<L extends Orderline> extends GeneratedCodec<Order<L>> {
  /**
   * The codec of {@link Order} at the bounds of its type variables; stateless and thread-safe.
   */
  public static final Order_MultiSession<Orderline> INSTANCE = new Order_MultiSession<Orderline>(Orderline_MultiSession.INSTANCE);

  /**
   * The codec of {@code L}.
   */
  private final MultiSessionCodec<L> lCodec;

  /**
   * The codec of {@link Order} for the types its type variables stand for; the codec of a subclass makes one for the types it binds them to.
   *
   * @param lCodec the codec of {@code L}
   */
  public Order_MultiSession(MultiSessionCodec<L> lCodec) {
    super(Order.class, "uid");
    this.lCodec = lCodec;
  }

  @Override
  public Order<L> newInstance() {
    throw new UnsupportedOperationException("com.acme.Order is abstract: create instances through the codec of a concrete subclass (MultiSessionCodecs.forClass(subclass))");
  }

  @Override
  public JsonNode exportId(Order<L> model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }

  @Override
  protected void exportTo(Order<L> model, ObjectNode json) {
    json.put("uid", model.uid);
    json.set("lines", ModelValues.exportAll(lCodec, model.lines));
    json.put("name", model.name);
  }

  @Override
  protected void initFrom(Order<L> model, JsonNode json) {
    model.uid = ValueCodecs.STRING.init(json, "uid", model.uid);
    JsonNode linesNode = json.get("lines");
    if (linesNode != null) model.lines = ModelValues.readAll(lCodec, linesNode, "lines", ArrayList::new);
    model.name = ValueCodecs.STRING.init(json, "name", model.name);
  }

  @Override
  protected void applyTo(Order<L> model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    JsonNode linesNode = data.get("lines");
    if (linesNode != null) model.lines = ModelValues.applyAll(lCodec, model.lines, linesNode, "lines", changed, ArrayList::new);
    model.name = ValueCodecs.STRING.apply(data, "name", model.name, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("lines", lCodec));
    fields.add(SyncedField.value("name", Merge.LAST_WRITER_WINS));
  }
}
