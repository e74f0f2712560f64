package ca.gigafibre.automation.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Groups the changed accounts by kind and direction (before → after) and says each group in French and English:
 * "délai de grâce 30 → 21 jours : 312 suspensions de plus, dont 41 commerciales".
 */
final class ChangeSentences {

    private ChangeSentences() {
    }

    static List<ChangeGroup> groups(List<AccountChange> accounts, List<Bilingual> asked) {
        String whatFr = asked.isEmpty() ? "aucun changement" : asked.stream().map(Bilingual::fr).collect(Collectors.joining(", "));
        String whatEn = asked.isEmpty() ? "no change" : asked.stream().map(Bilingual::en).collect(Collectors.joining(", "));
        Map<List<String>, List<AccountChange>> byDirection = new LinkedHashMap<>();
        for (AccountChange change : accounts) {
            byDirection.computeIfAbsent(List.of(change.kind(), change.before(), change.after()), k -> new ArrayList<>()).add(change);
        }
        List<ChangeGroup> groups = new ArrayList<>();
        byDirection.forEach((key, changed) -> {
            String kind = key.get(0);
            String before = key.get(1);
            String after = key.get(2);
            int n = changed.size();
            int commercial = (int) changed.stream().filter(AccountChange::commercial).count();
            String direction = direction(kind, before, after);
            String[] says = switch (direction) {
                case "more-suspensions" -> new String[]{n + " suspensions de plus, dont " + commercial + " commerciales",
                        n + " more suspensions, " + commercial + " of them commercial"};
                case "fewer-suspensions" -> new String[]{n + " suspensions de moins, dont " + commercial + " commerciales",
                        n + " fewer suspensions, " + commercial + " of them commercial"};
                case "more-charges" -> new String[]{n + " comptes de plus prélevés automatiquement, dont " + commercial + " commerciaux",
                        n + " more accounts charged automatically, " + commercial + " of them commercial"};
                case "fewer-charges" -> new String[]{n + " comptes de moins prélevés automatiquement, dont " + commercial + " commerciaux",
                        n + " fewer accounts charged automatically, " + commercial + " of them commercial"};
                default -> before.equals(after)
                        ? new String[]{n + " comptes gardent « " + before + " » (" + kindFr(kind) + ") avec un autre montant ou une autre date, dont "
                                + commercial + " commerciaux",
                        n + " accounts keep '" + before + "' (" + kind + ") with another amount or date, " + commercial + " of them commercial"}
                        : new String[]{n + " comptes passent de « " + before + " » à « " + after + " » (" + kindFr(kind) + "), dont "
                        + commercial + " commerciaux",
                        n + " accounts go from '" + before + "' to '" + after + "' (" + kind + "), " + commercial + " of them commercial"};
            };
            groups.add(new ChangeGroup(kind, before, after, direction, n, commercial, whatFr + " : " + says[0], whatEn + ": " + says[1]));
        });
        return groups;
    }

    private static String direction(String kind, String before, String after) {
        String act = switch (kind) {
            case "suspension" -> "SUSPEND";
            case "ppa-charging" -> "CHARGE";
            default -> null;
        };
        String noun = "suspension".equals(kind) ? "suspensions" : "charges";
        if (act != null && act.equals(after) && !act.equals(before)) {
            return "more-" + noun;
        }
        if (act != null && act.equals(before) && !act.equals(after)) {
            return "fewer-" + noun;
        }
        return "changed";
    }

    private static String kindFr(String kind) {
        return switch (kind) {
            case "suspension" -> "suspension";
            case "ppa-charging" -> "prélèvement automatique";
            default -> "calendrier de rappels";
        };
    }
}
