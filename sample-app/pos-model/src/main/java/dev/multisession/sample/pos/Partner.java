package dev.multisession.sample.pos;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** The customer an order is for; synced as a nested model of {@link Order}. */
public class Partner {

    @MultiSessionId
    private String id;

    @MultiSessionField
    private String name;

    @MultiSessionField
    private String phone;

    /** For the generated codec; application code uses {@link #Partner(String, String, String)}. */
    public Partner() {}

    public Partner(String id, String name, String phone) {
        this.id = id;
        this.name = name;
        this.phone = phone;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    @Override
    public String toString() {
        return phone == null ? name : name + " (" + phone + ")";
    }
}
