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
@CodecAbiVersion(3)
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
    return ValueCodecs.STRING.toJson(model.uid);
  }

  @Override
  protected void exportTo(Tab model, ObjectNode json) {
    json.put("uid", model.uid);
    json.set("rounds", ModelValues.exportAll(PolymorphicCodec.of(Round.class, "uid"), model.rounds));
    json.set("drinks", ModelValues.exportAll(PolymorphicCodec.of(Drink.class, "uid"), model.drinks));
    json.set("special", ModelValues.export(PolymorphicCodec.of(Round.class, "uid"), model.special));
  }

  @Override
  protected void initFrom(Tab model, JsonNode json) {
    model.uid = ValueCodecs.STRING.init(json, "uid", model.uid);
    ValueUpdates.initModels(json, "rounds", PolymorphicCodec.of(Round.class, "uid"), ArrayList::new, v -> model.rounds = v);
    ValueUpdates.initModels(json, "drinks", PolymorphicCodec.of(Drink.class, "uid"), ArrayList::new, v -> model.drinks = v);
    ValueUpdates.initModel(json, "special", PolymorphicCodec.of(Round.class, "uid"), v -> model.special = v);
  }

  @Override
  protected void applyTo(Tab model, JsonNode data, Set<String> changed) {
    // "uid" is the id: never changed by an update
    ValueUpdates.updateModels(data, "rounds", PolymorphicCodec.of(Round.class, "uid"), ArrayList::new, model.rounds, v -> model.rounds = v, changed);
    ValueUpdates.updateModels(data, "drinks", PolymorphicCodec.of(Drink.class, "uid"), ArrayList::new, model.drinks, v -> model.drinks = v, changed);
    ValueUpdates.updateModel(data, "special", PolymorphicCodec.of(Round.class, "uid"), model.special, v -> model.special = v, changed);
  }

  @Override
  protected void addFieldsTo(List<SyncedField> fields) {
    fields.add(SyncedField.id("uid"));
    fields.add(SyncedField.modelCollection("rounds", PolymorphicCodec.of(Round.class, "uid")));
    fields.add(SyncedField.modelCollection("drinks", PolymorphicCodec.of(Drink.class, "uid")));
    fields.add(SyncedField.model("special", PolymorphicCodec.of(Round.class, "uid")));
  }
}
