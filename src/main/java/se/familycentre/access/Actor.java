package se.familycentre.access;

import java.util.Set;

/**
 * Who a request acts as: a signed-in user or an API token, with the roles and legal entities that
 * decide what it sees (its scope) and the name the audit records.
 *
 * @param kind       a person (or a script with a user's password) or a token
 * @param id         the user's or the token's id
 * @param name       as the audit records it: the username, or {@code token:} and the token's prefix
 * @param roles      what it may do
 * @param entityIds  the legal entities it acts for (ignored for an administrator, who sees all)
 * @param mayIssue   a {@code SYSTEM} token allowed to issue and credit
 */
public record Actor(Kind kind, long id, String name, Set<Role> roles, Set<Long> entityIds, boolean mayIssue) {

    public enum Kind { USER, TOKEN }

    public Actor {
        roles = Set.copyOf(roles);
        entityIds = Set.copyOf(entityIds);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Reads centres and statements of its entities: every role does. */
    public boolean mayRead() {
        return !roles.isEmpty();
    }

    /** Changes centres: administrators and finance officers. */
    public boolean mayEditCentres() {
        return isAdmin() || has(Role.FINANCE);
    }

    /** Issues, credits and runs the quarter: administrators, finance officers and tokens allowed to. */
    public boolean mayIssue() {
        return isAdmin() || has(Role.FINANCE) || (has(Role.SYSTEM) && mayIssue);
    }
}
