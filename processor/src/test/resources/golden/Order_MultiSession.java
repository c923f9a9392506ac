package com.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.DerivedCodec;
import dev.multisession.runtime.codec.abi.ModelValues;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueReads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Order}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Order_MultiSession implements MultiSessionCodec<Order<Orderline>> {
  /**
   * The codec of {@link Order}; stateless and thread-safe.
   */
  public static final Order_MultiSession INSTANCE = new Order_MultiSession();

  private static final Optional<String> ID_KEY = Optional.of("uid");

  private volatile List<SyncedField> fieldList;

  private Order_MultiSession() {
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Order<Orderline>> modelType() {
    Class<Order<Orderline>> type = (Class<Order<Orderline>>) (Class<?>) Order.class;
    return type;
  }

  @Override
  public Order<Orderline> newInstance() {
    throw new UnsupportedOperationException("com.acme.Order is abstract: create instances through the codec of a concrete subclass (MultiSessionCodecs.forClass(subclass))");
  }

  @Override
  public ObjectNode exportAsJson(Order<Orderline> model) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    exportFields(model, json, Orderline_MultiSession.INSTANCE);
    return json;
  }

  @Override
  public void initFromJson(Order<Orderline> model, JsonNode json) {
    initFields(model, json, Orderline_MultiSession.INSTANCE);
  }

  @Override
  public Set<String> applyMsData(Order<Orderline> model, JsonNode data) {
    Set<String> changed = new LinkedHashSet<>();
    applyFields(model, data, changed, Orderline_MultiSession.INSTANCE);
    return changed;
  }

  @Override
  public void applyMsData(Order<Orderline> model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed, Orderline_MultiSession.INSTANCE);
  }

  @Override
  public List<SyncedField> fields() {
    // Built on first use: the codecs of nested models may not be initialised yet when this one is
    List<SyncedField> result = fieldList;
    if (result == null) {
      List<SyncedField> collected = new ArrayList<>();
      addFields(collected, Orderline_MultiSession.INSTANCE);
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
  public JsonNode exportId(Order<Orderline> model) {
    return idOf(model);
  }

  /**
   * Writes the synced fields of {@link Order} and of its ancestors into {@code json}.
   */
  public static <L extends Orderline> void exportFields(Order<L> model, ObjectNode json,
      MultiSessionCodec<L> lCodec) {
    json.put("uid", model.uid);
    json.set("lines", ModelValues.exportAll(lCodec, model.lines));
    json.put("name", model.name);
  }

  /**
   * Sets every synced field of {@link Order} and of its ancestors whose key {@code json} has.
   */
  public static <L extends Orderline> void initFields(Order<L> model, JsonNode json,
      MultiSessionCodec<L> lCodec) {
    JsonNode uidJson = json.get("uid");
    if (uidJson != null) {
      model.uid = ValueReads.readString(uidJson, "uid");
    }
    JsonNode linesJson = json.get("lines");
    if (linesJson != null) {
      model.lines = ModelValues.readAll(lCodec, linesJson, "lines", ArrayList::new);
    }
    JsonNode nameJson = json.get("name");
    if (nameJson != null) {
      model.name = ValueReads.readString(nameJson, "name");
    }
  }

  /**
   * Applies the keys {@code data} has to {@link Order} and its ancestors, adding those that changed to {@code changed}.
   */
  public static <L extends Orderline> void applyFields(Order<L> model, JsonNode data,
      Set<String> changed, MultiSessionCodec<L> lCodec) {
    // "uid" is the id: never changed by an update
    JsonNode linesJson = data.get("lines");
    if (linesJson != null) {
      List<L> value = ModelValues.applyAll(lCodec, model.lines, linesJson, "lines", changed, ArrayList::new);
      if (value != model.lines) {
        model.lines = value;
      }
    }
    JsonNode nameJson = data.get("name");
    if (nameJson != null) {
      String value = ValueReads.readString(nameJson, "name");
      if (!Objects.equals(value, model.name)) {
        model.name = value;
        changed.add("name");
      }
    }
  }

  /**
   * Adds the metadata of the synced fields of {@link Order}, ancestors' first, to {@code fields}.
   */
  public static <L extends Orderline> void addFields(List<SyncedField> fields,
      MultiSessionCodec<L> lCodec) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("lines", lCodec));
    fields.add(SyncedField.value("name", Merge.LAST_WRITER_WINS));
  }

  /**
   * The id of a {@link Order} as it is exported.
   */
  public static <L extends Orderline> JsonNode idOf(Order<L> model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }

  /**
   * The codec of a subclass of {@link Order} that declares no synced field of its own; called once by
   * {@code MultiSessionCodecs.forClass}.
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
