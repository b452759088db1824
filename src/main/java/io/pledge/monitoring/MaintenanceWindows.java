package io.pledge.monitoring;

import io.pledge.clients.ClientId;
import io.pledge.core.Scope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored maintenance windows, of a client's every monitor or of one. */
public interface MaintenanceWindows {

    void add(StoredMaintenanceWindow window);

    Optional<StoredMaintenanceWindow> find(UUID id);

    /** Removes a window; false when there was none. */
    boolean remove(UUID id);

    /**
     * The client's windows (all clients' when null) within the scope, by creation; when a monitor is named,
     * only its own and its client's.
     */
    List<StoredMaintenanceWindow> of(ClientId client, UUID monitorId, Scope scope);
}
