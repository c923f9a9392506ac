package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;
import java.util.ArrayList;
import java.util.List;

/**
 * Private primitive fields of every width behind setters that record each call: the codec must set
 * {@code byte}, {@code short}, {@code char} and {@code float} values exactly (codecs written before
 * handed them to the runtime as {@code int} or {@code double} and narrowed them back) and call a
 * setter only when it should.
 */
public class Settings {

    /** Every setter call, as {@code name=value}. */
    public final transient List<String> calls = new ArrayList<>();

    @MultiSessionField private byte level;
    @MultiSessionField private short code;
    @MultiSessionField private char mark;
    @MultiSessionField private float ratio;
    @MultiSessionField private long total;
    @MultiSessionField private boolean open;
    @MultiSessionField private String label;

    public byte getLevel() {
        return level;
    }

    public void setLevel(byte level) {
        calls.add("level=" + level);
        this.level = level;
    }

    public short getCode() {
        return code;
    }

    public void setCode(short code) {
        calls.add("code=" + code);
        this.code = code;
    }

    public char getMark() {
        return mark;
    }

    public void setMark(char mark) {
        calls.add("mark=" + mark);
        this.mark = mark;
    }

    public float getRatio() {
        return ratio;
    }

    public void setRatio(float ratio) {
        calls.add("ratio=" + ratio);
        this.ratio = ratio;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        calls.add("total=" + total);
        this.total = total;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        calls.add("open=" + open);
        this.open = open;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        calls.add("label=" + label);
        this.label = label;
    }
}
