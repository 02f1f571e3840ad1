package se.familycentre.centre;

import java.util.List;
import java.util.Optional;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Violation;
import se.familycentre.format.PartKind;
import se.familycentre.format.PartReader.Part;

/**
 * One kind of a centre's parts as stored: how its rows are found, written and
 * removed. {@link CentreParts} handles every kind the same way through it.
 */
interface PartTable<R> {

    PartKind kind();

    List<R> rows(long centreId);

    Optional<R> row(long centreId, String key);

    long version(R row);

    /** Writes the part: a new row at {@code position} when {@code current} is null, else over it. */
    R write(long centreId, R current, int position, Part part);

    /** What still names the part in the centre; a part in use is not deleted. */
    default List<Violation> usesOf(Centre centre, String key) {
        return List.of();
    }

    void delete(R row);
}
