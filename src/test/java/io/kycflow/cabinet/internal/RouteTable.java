package io.kycflow.cabinet.internal;

import java.util.List;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;

/** The route table as tests read it (the table itself stays package-private). */
public final class RouteTable {

    public record Row(String method, String pattern, @Nullable CabinetRole minimum) {
    }

    public static List<Row> rows() {
        return Routes.ALL.stream().map(r -> new Row(r.method().name(), r.pattern(), r.minimum())).toList();
    }

    private RouteTable() {
    }
}
