package se.familycentre.centre;

/**
 * Who the current change is made by, as the audit records it. The web layer knows the signed-in
 * user or token and provides this; work that no request started (start-up, a run's workers) is
 * recorded as {@link AuditLog#SYSTEM}.
 */
public interface AuditPrincipal {

    /** The principal's name for the audit, or {@link AuditLog#SYSTEM} outside a request. */
    String current();
}
