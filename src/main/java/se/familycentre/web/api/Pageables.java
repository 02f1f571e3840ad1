package se.familycentre.web.api;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Lists are paged ({@code page}, {@code size}) and sorted ({@code sort=name,desc}); the answer says where it is. */
final class Pageables {

    private static final int MAX_SIZE = 200;

    private Pageables() {
    }

    /** The page asked for, its sort limited to {@code allowed} properties (anything else is a 400, not a 500). */
    static Pageable sorted(Pageable pageable, String defaultProperty, java.util.Set<String> allowed) {
        for (Sort.Order order : pageable.getSort().getOrderBy()) {
            if (!allowed.contains(order.getProperty())) {
                throw ProblemMapper.malformedRequest(java.util.List.of(new se.familycentre.allocation.Violation("sort",
                        "cannot sort by " + order.getProperty() + "; sort by one of " + String.join(", ", new java.util.TreeSet<>(allowed)))));
            }
        }
        if (pageable.getNumber() < 0) {
            throw ProblemMapper.malformedRequest(java.util.List.of(new se.familycentre.allocation.Violation("page", "must not be negative")));
        }
        int size = pageable.getSize() <= 0 ? 50 : Math.min(pageable.getSize(), MAX_SIZE);
        Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : Sort.of(Sort.Order.asc(defaultProperty));
        return Pageable.from(pageable.getNumber(), size, sort);
    }

    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.getContent().stream().map(json).toList());
        m.put("page", page.getPageNumber());
        m.put("size", page.getSize());
        m.put("totalItems", page.getTotalSize());
        m.put("totalPages", page.getTotalPages());
        return m;
    }
}
