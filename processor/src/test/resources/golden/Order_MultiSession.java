package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.DerivedCodec;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import dev.multisession.runtime.codec.abi.ModelValues;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Order}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Order_MultiSession extends GeneratedCodec<Order<Orderline>> {
  /**
   * The codec of {@link Order}; stateless and thread-safe.
   */
  public static final Order_MultiSession INSTANCE = new Order_MultiSession();

  /**
   * Only {@link #INSTANCE}.
   */
  private Order_MultiSession() {
    super(Order.class, "uid");
  }

  @Override
  public Order<Orderline> newInstance() {
    throw new UnsupportedOperationException("com.acme.Order is abstract: create instances through the codec of a concrete subclass (MultiSessionCodecs.forClass(subclass))");
  }

  @Override
  public JsonNode exportId(Order<Orderline> model) {
    return idOf(model);
  }

  @Override
  protected void exportTo(Order<Orderline> model, ObjectNode json) {
    exportFields(model, json, Orderline_MultiSession.INSTANCE);
  }

  @Override
  protected void initFrom(Order<Orderline> model, JsonNode json) {
    initFields(model, json, Orderline_MultiSession.INSTANCE);
  }

  @Override
  protected void applyTo(Order<Orderline> model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed, Orderline_MultiSession.INSTANCE);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    addFields(fields, Orderline_MultiSession.INSTANCE);
  }

  /**
   * Writes the synced fields of {@link Order} and of its ancestors into {@code json}.
   *
   * @param <L> the model's type variable
   * @param model the model
   * @param json the object to write into
   * @param lCodec the codec of {@code L}
   */
  public static <L extends Orderline> void exportFields(Order<L> model, ObjectNode json,
      MultiSessionCodec<L> lCodec) {
    json.put("uid", model.uid);
    json.set("lines", ModelValues.exportAll(lCodec, model.lines));
    json.put("name", model.name);
  }

  /**
   * Sets every synced field of {@link Order} and of its ancestors whose key {@code json} has.
   *
   * @param <L> the model's type variable
   * @param model a freshly constructed model
   * @param json the model as JSON
   * @param lCodec the codec of {@code L}
   */
  public static <L extends Orderline> void initFields(Order<L> model, JsonNode json,
      MultiSessionCodec<L> lCodec) {
    ValueUpdates.init(json, "uid", ValueCodecs.STRING, v -> model.uid = v);
    ValueUpdates.initModels(json, "lines", lCodec, ArrayList::new, v -> model.lines = v);
    ValueUpdates.init(json, "name", ValueCodecs.STRING, v -> model.name = v);
  }

  /**
   * Applies the keys {@code data} has to {@link Order} and its ancestors, adding those that changed to {@code changed}.
   *
   * @param <L> the model's type variable
   * @param model the model
   * @param data a partial update
   * @param changed the keys that changed
   * @param lCodec the codec of {@code L}
   */
  public static <L extends Orderline> void applyFields(Order<L> model, JsonNode data,
      Set<String> changed, MultiSessionCodec<L> lCodec) {
    // "uid" is the id: never changed by an update
    ValueUpdates.updateModels(data, "lines", lCodec, ArrayList::new, model.lines, v -> model.lines = v, changed);
    ValueUpdates.apply(data, "name", ValueCodecs.STRING, model.name, v -> model.name = v, changed);
  }

  /**
   * Adds the metadata of the synced fields of {@link Order}, ancestors' first, to {@code fields}.
   *
   * @param <L> the model's type variable
   * @param fields the list to add to
   * @param lCodec the codec of {@code L}
   */
  public static <L extends Orderline> void addFields(List<SyncedField> fields,
      MultiSessionCodec<L> lCodec) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("lines", lCodec));
    fields.add(SyncedField.value("name", Merge.LAST_WRITER_WINS));
  }

  /**
   * The id of a {@link Order} as it is exported.
   *
   * @param <L> the model's type variable
   * @param model the model
   * @return the id
   */
  public static <L extends Orderline> JsonNode idOf(Order<L> model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }

  /**
   * The codec of a subclass of {@link Order} that declares no synced field of its own; called once by
   * {@code MultiSessionCodecs.forClass}.
   *
   * @param <S> the subclass
   * @param <L> the model's type variable
   * @param type the subclass
   * @param constructor makes an instance of it
   * @param lCodec the codec of {@code L}
   * @return the subclass's codec
   */
  public static <L extends Orderline, S extends Order<L>> MultiSessionCodec<S> forSubclass(
      Class<S> type, Supplier<S> constructor, MultiSessionCodec<L> lCodec) {
    List<SyncedField> fields = new ArrayList<>();
    addFields(fields, lCodec);
    return new DerivedCodec<S>(type, constructor,
        (model, json) -> exportFields(model, json, lCodec),
        (model, json) -> initFields(model, json, lCodec),
        (model, data, changed) -> applyFields(model, data, changed, lCodec),
        model -> idOf(model),
        fields, "uid");
  }
}
