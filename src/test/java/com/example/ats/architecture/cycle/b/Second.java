package com.example.ats.architecture.cycle.b;

import com.example.ats.architecture.cycle.a.First;

/** The other half of the deliberate cycle. */
public class Second {

    public First back() {
        return new First();
    }
}
