package ca.gigafibre.automation.legacy;

/** What one legacy row becomes in the engine, under its legacy id, with the fingerprint of the mapped values. */
public interface LegacyTarget {

    long legacyId();

    byte[] hash();
}
