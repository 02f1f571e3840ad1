package se.familycentre.access;

/**
 * What a principal may do (issue 9). {@code ADMIN} everything; {@code FINANCE} the centres its
 * entities take part in: read, edit, issue, credit, run the quarter, download; {@code STEERING}
 * scenarios and reading the centres of its entities; {@code SYSTEM} reading the statements and
 * exports of its entities, issuing only when its token says so.
 */
public enum Role {
    ADMIN, FINANCE, STEERING, SYSTEM
}
