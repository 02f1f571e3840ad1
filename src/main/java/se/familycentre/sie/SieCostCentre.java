package se.familycentre.sie;

/**
 * An object of dimension 1, the cost centre (kostnadsställe):
 * {@code #OBJEKT 1 "code" "name"}. A transaction names it in its object list as
 * <code>{1 "code"}</code>.
 */
public record SieCostCentre(String code, String name) {

    /** The SIE dimension reserved for cost centres. */
    public static final int DIMENSION = 1;

    /** The name of the dimension, as {@code #DIM 1} declares it. */
    public static final String DIMENSION_NAME = "Kostnadsställe";

    public SieCostCentre {
        SieHeader.requireText(code, "cost centre code");
        SieHeader.requireText(name, "name of cost centre " + code);
    }
}
