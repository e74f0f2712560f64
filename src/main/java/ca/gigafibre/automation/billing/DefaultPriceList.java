package ca.gigafibre.automation.billing;

/** The price list a subscription without its own price is billed from (the ERPNext settings name it). */
public interface DefaultPriceList {

    String defaultPriceList();
}
