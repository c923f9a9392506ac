package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;

/** The guest an order is for, a nested model without an id. */
public class Customer {
    @MultiSessionField public String name;
    @MultiSessionField public String phone;

    public Customer() {}

    public Customer(String name, String phone) {
        this.name = name;
        this.phone = phone;
    }
}
