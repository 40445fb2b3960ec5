package org.example.canary;

import java.io.Serializable;

/** Test-only: a harmless serializable class outside the model file's allow-list. */
public class Canary implements Serializable {
    private static final long serialVersionUID = 1L;
}
