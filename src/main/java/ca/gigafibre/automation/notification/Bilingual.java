package ca.gigafibre.automation.notification;

/** A customer message in French and English; the customer's language picks one (French unless "en"). */
public record Bilingual(String french, String english) {

    public String in(String language) {
        return "en".equals(language) ? english : french;
    }
}
