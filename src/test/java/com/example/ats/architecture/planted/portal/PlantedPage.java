package com.example.ats.architecture.planted.portal;

/** A page adapter of the planted house. */
public class PlantedPage {

    public String render() {
        return "<p>planted</p>";
    }
}
