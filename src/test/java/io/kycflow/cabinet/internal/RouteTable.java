package io.kycflow.cabinet.internal;

import java.util.List;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;

/** The route table as tests read it (the table itself stays package-private). */
public final class RouteTable {

    /** {@code partway}: the part-way sign-in state that may also use the route ({@link #SECOND_STEP}, {@link #ENROLMENT}). */
    public record Row(String method, String pattern, @Nullable CabinetRole minimum, @Nullable String partway) {

        public boolean open() {
            return minimum == null && partway == null;
        }
    }

    public static final String SECOND_STEP = SignIns.SECOND_STEP;
    public static final String ENROLMENT = SignIns.ENROLMENT;

    public static List<Row> rows() {
        return Routes.ALL.stream().map(r -> new Row(r.method().name(), r.pattern(), r.minimum(), r.partway())).toList();
    }

    private RouteTable() {
    }
}
