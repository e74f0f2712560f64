package ca.gigafibre.automation.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Names, streets and towns of the ISP's territory (Haute-Yamaska / Brome-Missisquoi) for synthetic customers. */
final class QuebecReference {

    record Town(String name, String postalPrefix, String caucaCode, String areaCode, double lat, double lon) {
    }

    static final List<String> FIRST_NAMES_FR = List.of("Marie", "Jean", "Sylvie", "Pierre", "Nathalie", "Michel", "Isabelle",
            "Daniel", "Julie", "François", "Louise", "André", "Chantal", "Luc", "Josée", "Martin", "Nicole", "Stéphane",
            "Caroline", "Éric", "Geneviève", "Sébastien", "Mélanie", "Alain", "Catherine", "Patrick", "Annie", "Mathieu",
            "Émilie", "Guillaume", "Véronique", "Simon", "Marie-Ève", "Jean-François", "Karine", "Louis-Philippe", "Hélène",
            "Gilles", "Lucie", "Réjean", "Manon", "Yves", "Diane", "Benoît", "Audrey", "Maxime", "Camille", "Olivier",
            "Léa", "Félix", "Chloé", "Gabriel", "Rosalie", "Samuel", "Noémie", "Raymond", "Ginette", "Normand", "Claudette");
    static final List<String> FIRST_NAMES_EN = List.of("John", "Mary", "David", "Susan", "Robert", "Linda", "James", "Karen",
            "Michael", "Sarah", "William", "Jennifer", "Richard", "Heather", "Thomas", "Emily", "Brian", "Laura");
    static final List<String> LAST_NAMES_FR = List.of("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin",
            "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
            "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe",
            "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard",
            "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance",
            "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perron", "Boudreau", "Dufour",
            "Mercier", "Vallée", "Dion", "Brodeur", "Choinière", "Messier", "Ménard", "Robidoux", "Gervais", "Lussier");
    static final List<String> LAST_NAMES_EN = List.of("Smith", "Brown", "Wilson", "Taylor", "Johnson", "Campbell", "Anderson",
            "Stewart", "Thompson", "Robinson", "Mitchell", "Walker", "Young", "Scott", "McDonald", "Fraser", "Miller");
    static final List<String> STREETS = List.of("Rue Principale", "Rue Dufferin", "Boulevard Leclerc Ouest", "Rue Saint-Charles Sud",
            "Rue Denison Est", "Rue Cowie", "Rue Court", "Rue Mountain", "Chemin de Granby", "Rue des Érables", "Rue Simonds Nord",
            "Boulevard David-Bouchard", "Rue Saint-Jacques", "Rue Notre-Dame", "Rue Laurier", "Rue Drummond", "Rue Saint-Antoine Nord",
            "Rue Robinson Sud", "Chemin Ridge", "Rue du Lac", "Rue des Pins", "Rue Champlain", "Rue Lansdowne", "Rue Racine",
            "Chemin Miltimore", "Rue Shefford", "Rue de la Fabrique", "Rue Saint-Paul", "Montée Lapierre", "Rang Sainte-Cécile",
            "Rue Frontenac", "Rue Elgin", "Rue Dollard", "Chemin du Lac-Boivin", "Rue Matton", "Rue Bourget", "Rue Deragon",
            "Rue Saint-Hubert", "Rue Brock", "Chemin Knowlton");
    static final List<Town> TOWNS = List.of(
            new Town("Granby", "J2G", "47017", "450", 45.4001, -72.7333),
            new Town("Granby", "J2H", "47017", "450", 45.3870, -72.7010),
            new Town("Granby", "J2J", "47017", "579", 45.4120, -72.7600),
            new Town("Bromont", "J2L", "46078", "450", 45.3167, -72.6500),
            new Town("Cowansville", "J2K", "46080", "450", 45.2000, -72.7500),
            new Town("Waterloo", "J0E", "47025", "450", 45.3500, -72.5167),
            new Town("Shefford", "J2M", "47047", "450", 45.3667, -72.6000),
            new Town("Saint-Alphonse-de-Granby", "J0E", "47035", "450", 45.3333, -72.8167),
            new Town("Roxton Pond", "J0E", "47040", "450", 45.4833, -72.6667),
            new Town("Sutton", "J0E", "46058", "450", 45.1000, -72.6167),
            new Town("Farnham", "J2N", "46050", "450", 45.2833, -72.9833),
            new Town("Saint-Paul-d'Abbotsford", "J0E", "47055", "450", 45.4333, -72.8833));
    static final List<String> EXCHANGES = List.of("272", "375", "776", "777", "378", "405", "266", "263", "539", "360", "991");
    static final List<String> TECHNICIANS = List.of("Gen Lussier", "Marc Choinière", "Kevin Brodeur", "Alex Messier",
            "Jo Ménard", "Dave Robidoux", "Sam Gervais", "Phil Dion");
    static final List<String> STAFF = List.of("Gen", "Josée", "Marc", "Annie", "Luc", "Karine");
    static final List<String> TICKET_SUBJECTS = List.of("Pas d'internet", "Internet lent", "Wi-Fi instable", "Téléphone sans tonalité",
            "Changement de forfait", "Question sur la facture", "Déménagement", "Modem clignote rouge", "Télé figée",
            "Ajout d'un point d'accès", "Boîte vocale", "Installation à planifier");

    private QuebecReference() {
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A postal code of the town's forward sortation area, e.g. "J2G 4K7". */
    static String postalCode(SplittableRandom random, Town town) {
        String letters = "ABCEGHJKLMNPRSTVWXYZ";
        return town.postalPrefix() + " " + random.nextInt(10) + letters.charAt(random.nextInt(letters.length())) + random.nextInt(10);
    }

    static String email(String first, String last, long id) {
        String base = (first + "." + last).toLowerCase()
                .replaceAll("[éèêë]", "e").replaceAll("[àâ]", "a").replaceAll("[ôö]", "o").replaceAll("[îï]", "i")
                .replaceAll("[ùû]", "u").replace("ç", "c").replaceAll("[^a-z.]", "");
        return base + id + "@" + (id % 3 == 0 ? "videotron.ca" : id % 3 == 1 ? "gmail.com" : "hotmail.com");
    }
}
