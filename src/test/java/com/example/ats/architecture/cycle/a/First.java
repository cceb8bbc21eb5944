package com.example.ats.architecture.cycle.a;

import com.example.ats.architecture.cycle.b.Second;

/** Half of a deliberate cycle between two packages: proves that {@code ArchitectureTest}'s cycle rule can fail. */
public class First {

    public Second next() {
        return new Second();
    }
}
