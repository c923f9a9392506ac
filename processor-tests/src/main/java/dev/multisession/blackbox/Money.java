package dev.multisession.blackbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Objects;

/** A type without a built-in conversion: bound by Jackson, honouring its annotations. */
public final class Money {
    private final BigDecimal amount;
    private final String currency;

    @JsonCreator
    public Money(@JsonProperty("amt") BigDecimal amount, @JsonProperty("cur") String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    @JsonProperty("amt")
    public BigDecimal amount() {
        return amount;
    }

    @JsonProperty("cur")
    public String currency() {
        return currency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && Objects.equals(amount, m.amount) && Objects.equals(currency, m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }
}
