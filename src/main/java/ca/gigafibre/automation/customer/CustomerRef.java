package ca.gigafibre.automation.customer;

/**
 * A customer as it crosses packages when both are at hand: its row id (the key every table joins on) and its public
 * number (what people, ERPNext and process business keys use).
 */
public record CustomerRef(long id, CustomerNo no) {

    public CustomerRef(long id, String no) {
        this(id, new CustomerNo(no));
    }
}
