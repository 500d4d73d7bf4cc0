package dev.marketplace.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the code assigns before it is stored. Spring Data cannot tell such an entity
 * is new by its id, and would merge it: a SELECT of the row and its collections before the INSERT.
 * A subclass calls {@link #markNew()} where it creates a new instance.
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

  @Transient private boolean unsaved;

  /** Called by the factory that creates a new instance, so saving persists it. */
  protected final void markNew() {
    unsaved = true;
  }

  @Override
  public boolean isNew() {
    return unsaved;
  }

  @PostPersist
  @PostLoad
  void stored() {
    unsaved = false;
  }
}
