package ca.gigafibre.automation.legacy;

/** What one batch of legacy rows came to. */
record BatchCounts(int read, int imported, int unchanged, int rejected, int repaired, int orphans) {
}
