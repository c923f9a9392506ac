package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One synced field of every supported kind of type. */
public class AllTypes {
    @MultiSessionId public UUID uid;
    @MultiSessionField public boolean flag;
    @MultiSessionField public byte smallByte;
    @MultiSessionField public short smallShort;
    @MultiSessionField public int count = 7;
    @MultiSessionField public long big;
    @MultiSessionField public float ratio;
    @MultiSessionField public double price;
    @MultiSessionField public char letter = 'a';
    @MultiSessionField public Boolean boxedFlag;
    @MultiSessionField public Integer boxedInt;
    @MultiSessionField public Long boxedLong;
    @MultiSessionField public Double boxedDouble;
    @MultiSessionField public String text = "default";
    @MultiSessionField public BigDecimal amount;
    @MultiSessionField public BigInteger huge;
    @MultiSessionField public Course course;
    @MultiSessionField public UUID reference;
    @MultiSessionField public Instant instant;
    @MultiSessionField public LocalDate date;
    @MultiSessionField public LocalDateTime dateTime;
    @MultiSessionField public LocalTime time;
    @MultiSessionField public OffsetDateTime offsetDateTime;
    @MultiSessionField public ZonedDateTime zonedDateTime;
    @MultiSessionField public Duration duration;
    @MultiSessionField public List<String> notes;
    @MultiSessionField public Set<Integer> seats;
    @MultiSessionField public Map<String, BigDecimal> taxes;
    @MultiSessionField public List<Course> courses;
    @MultiSessionField public Money tip;
    @MultiSessionField public List<Money> payments;
    @MultiSessionField public Customer customer;
    @MultiSessionField public List<Customer> customers = new ArrayList<>();
    @MultiSessionField public Set<Customer> regulars;
    @MultiSessionField public List<Tag> tags;
    @MultiSessionField("secret_code") private String secret;
    @MultiSessionField private boolean vip;
    @MultiSessionField private String nickname;

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public boolean isVip() {
        return vip;
    }

    public void setVip(boolean vip) {
        this.vip = vip;
    }

    /** Record-style accessors. */
    public String nickname() {
        return nickname;
    }

    public void nickname(String nickname) {
        this.nickname = nickname;
    }
}
