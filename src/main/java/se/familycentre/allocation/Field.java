package se.familycentre.allocation;

/**
 * A field's path in the centre's own terms ({@code costLines[2].payer}), built
 * as text only when a violation names it: a valid centre has no violation,
 * and checking it should not print a path for every field it looks at.
 */
final class Field {

    private final Field parent;
    /** The name after a dot (or the root's name); {@code null} for an index. */
    private final String name;
    private final int index;

    private Field(Field parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    static Field root(String name) {
        return new Field(null, name, -1);
    }

    /** {@code path.name}; a {@code null} name is printed {@code null}, as a string concatenation would. */
    Field dot(String name) {
        return new Field(this, String.valueOf(name), -1);
    }

    /** {@code path[index]} */
    Field at(int index) {
        return new Field(this, null, index);
    }

    /** Whether the last part is {@code name}, as in {@code ….id}. */
    boolean endsWith(String name) {
        return name.equals(this.name) && parent != null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text);
        return text.toString();
    }

    private void append(StringBuilder text) {
        if (parent != null) {
            parent.append(text);
        }
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (parent != null) {
                text.append('.');
            }
            text.append(name);
        }
    }
}
