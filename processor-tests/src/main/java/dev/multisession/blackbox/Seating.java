package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nested models behind setters that record each call: the codec must set a nested model or a
 * collection of them once per key present on init, and on apply change the objects the fields
 * hold in place, calling a setter only when the field must hold another object.
 */
public class Seating {

    /** Every setter call, as {@code name=value}. */
    public final transient List<String> calls = new ArrayList<>();

    @MultiSessionField private Customer host;
    @MultiSessionField private List<Customer> guests;
    @MultiSessionField private Set<Customer> regulars;

    public Customer getHost() {
        return host;
    }

    public void setHost(Customer host) {
        calls.add("host=" + describe(host));
        this.host = host;
    }

    public List<Customer> getGuests() {
        return guests;
    }

    public void setGuests(List<Customer> guests) {
        calls.add("guests=" + describe(guests));
        this.guests = guests;
    }

    public Set<Customer> getRegulars() {
        return regulars;
    }

    public void setRegulars(Set<Customer> regulars) {
        calls.add("regulars=" + describe(regulars));
        this.regulars = regulars;
    }

    private static String describe(Customer customer) {
        return customer == null ? "null" : customer.id + ":" + customer.name;
    }

    private static String describe(Iterable<Customer> customers) {
        if (customers == null) {
            return "null";
        }
        List<String> described = new ArrayList<>();
        customers.forEach(customer -> described.add(describe(customer)));
        return customers.getClass().getSimpleName() + described;
    }
}
