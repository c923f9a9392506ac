package com.acme.bar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.PolymorphicCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import dev.multisession.runtime.codec.abi.ModelValues;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import dev.multisession.runtime.codec.abi.ValueUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Multi-session sync code for {@link Tab}, generated from its {@code @MultiSessionField} fields.
 */
@Generated("dev.multisession.processor.MultiSessionProcessor")
@CodecAbiVersion(2)
public final class Tab_MultiSession extends GeneratedCodec<Tab> {
  /**
   * The codec of {@link Tab}; stateless and thread-safe.
   */
  public static final Tab_MultiSession INSTANCE = new Tab_MultiSession();

  /**
   * Only {@link #INSTANCE}.
   */
  private Tab_MultiSession() {
    super(Tab.class, "uid");
  }

  @Override
  public Tab newInstance() {
    return new Tab();
  }

  @Override
  public JsonNode exportId(Tab model) {
    return idOf(model);
  }

  @Override
  protected void exportTo(Tab model, ObjectNode json) {
    exportFields(model, json);
  }

  @Override
  protected void initFrom(Tab model, JsonNode json) {
    initFields(model, json);
  }

  @Override
  protected void applyTo(Tab model, JsonNode data, Set<String> changed) {
    applyFields(model, data, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    addFields(fields);
  }

  /**
   * Writes the synced fields of {@link Tab} and of its ancestors into {@code json}.
   *
   * @param model the model
   * @param json the object to write into
   */
  public static void exportFields(Tab model, ObjectNode json) {
    json.put("uid", model.uid);
    json.set("rounds", ModelValues.exportAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds));
    json.set("drinks", ModelValues.exportAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks));
    json.set("special", ModelValues.export(PolymorphicCodec.of(Round.class, "uid"), model.special));
  }

  /**
   * Sets every synced field of {@link Tab} and of its ancestors whose key {@code json} has.
   *
   * @param model a freshly constructed model
   * @param json the model as JSON
   */
  public static void initFields(Tab model, JsonNode json) {
    ValueUpdates.init(json, "uid", ValueCodecs.STRING, v -> model.uid = v);
    ValueUpdates.initModels(json, "rounds", PolymorphicCodec.of(Round.class, "uid"), ArrayList::new, v -> model.rounds = v);
    ValueUpdates.initModels(json, "drinks", PolymorphicCodec.of(Drink.class, "uid"), ArrayList::new, v -> model.drinks = v);
    ValueUpdates.initModel(json, "special", PolymorphicCodec.of(Round.class, "uid"), v -> model.special = v);
  }

  /**
   * Applies the keys {@code data} has to {@link Tab} and its ancestors, adding those that changed to {@code changed}.
   *
   * @param model the model
   * @param data a partial update
   * @param changed the keys that changed
   */
  public static void applyFields(Tab model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    ValueUpdates.updateModels(data, "rounds", PolymorphicCodec.of(Round.class, "uid"), ArrayList::new, model.rounds, v -> model.rounds = v, changed);
    ValueUpdates.updateModels(data, "drinks", PolymorphicCodec.of(Drink.class, "uid"), ArrayList::new, model.drinks, v -> model.drinks = v, changed);
    ValueUpdates.updateModel(data, "special", PolymorphicCodec.of(Round.class, "uid"), model.special, v -> model.special = v, changed);
  }

  /**
   * Adds the metadata of the synced fields of {@link Tab}, ancestors' first, to {@code fields}.
   *
   * @param fields the list to add to
   */
  public static void addFields(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("rounds", PolymorphicCodec.of(Round.class, "uid")));
    fields.add(SyncedField.modelCollection("drinks", PolymorphicCodec.of(Drink.class, "uid")));
    fields.add(SyncedField.model("special", PolymorphicCodec.of(Round.class, "uid")));
  }

  /**
   * The id of a {@link Tab} as it is exported.
   *
   * @param model the model
   * @return the id
   */
  public static JsonNode idOf(Tab model) {
    return ValueCodecs.STRING.toJson(model.uid);
  }
}
