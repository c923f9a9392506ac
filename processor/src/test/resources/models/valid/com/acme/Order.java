package com.acme;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.List;

public abstract class Order<L extends Orderline> {
    @MultiSessionId String uid;
    @MultiSessionField List<L> lines = new ArrayList<>();
    @MultiSessionField String name;
}
