package org.mentoringanalytics.app;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/** Why a query may not read a table by this name, the same words whichever engine checks the query. */
final class TableAccess {

    private TableAccess() {
    }

    /**
     * @param name        the table name as written, lower case; a dotted name is refused
     * @param readable    names the query may read
     * @param unavailable why a known table cannot be read yet, by name
     * @return the refusal, or empty when the name may be read
     */
    static Optional<String> refusal(String name, Set<String> readable, Map<String, String> unavailable) {
        boolean plain = !name.contains(".");
        if (plain && unavailable.containsKey(name) && !readable.contains(name)) {
            return Optional.of(name + ": " + unavailable.get(name));
        }
        if (plain && name.startsWith("restricted_")) {
            return Optional.of(name + " is restricted: survey free text is never open to queries");
        }
        if (plain && personLevel(name) && !readable.contains(name)) {
            return Optional.of(name + " holds one row per person: it is open only to the data team, "
                    + "when the configuration file says access=person-level; the marts hold the same figures by group");
        }
        if (!plain || !readable.contains(name)) {
            return Optional.of("unknown table " + name + ": a query may read only the warehouse's tables by name "
                    + "(see the command's help)");
        }
        return Optional.empty();
    }

    private static boolean personLevel(String name) {
        return Tables.byName(name).map(TableContract::layer)
                .filter(l -> l == Layer.STAGING || l == Layer.INTERMEDIATE).isPresent();
    }
}
