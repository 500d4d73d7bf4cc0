package dev.marketplace.platform.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The entity listener that seals an entity's {@link Sealed} fields before they are written and
 * opens them after they are read, each bound to its table, column and row id; also those of an
 * {@code @Embedded} value such as {@link dev.marketplace.platform.address.SealedPostalAddress}.
 * Hibernate gets it from Spring (Boot wires Spring as Hibernate's bean container), so it receives
 * the configured cipher. An entity lists it in {@code @EntityListeners}, names its table in
 * {@code @Table}, has an {@code @Id} assigned before it is stored, and names each sealed column in
 * {@code @Column}.
 */
public class SealedFields {

  private final FieldCipher cipher;
  private final Map<Class<?>, Layout> layouts = new ConcurrentHashMap<>();

  public SealedFields(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @PrePersist
  @PreUpdate
  void seal(Object entity) {
    Layout layout = layout(entity.getClass());
    Object rowId = layout.rowId(entity);
    for (SealedColumn column : layout.columns()) {
      Sealed value = column.get(entity);
      if (value != null && !value.isSealed()) {
        String context = FieldCipher.context(layout.table(), column.name(), rowId);
        column.set(entity, value.sealedAs(cipher.seal(value.value(), context)));
      }
    }
  }

  @PostLoad
  void open(Object entity) {
    Layout layout = layout(entity.getClass());
    Object rowId = layout.rowId(entity);
    for (SealedColumn column : layout.columns()) {
      Sealed value = column.get(entity);
      String stored = value == null ? null : value.stored();
      if (value != null && stored != null) {
        String context = FieldCipher.context(layout.table(), column.name(), rowId);
        column.set(entity, value.openedAs(cipher.open(stored, context)));
      }
    }
  }

  private Layout layout(Class<?> type) {
    return layouts.computeIfAbsent(type, SealedFields::layoutOf);
  }

  private static Layout layoutOf(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    if (table == null || table.name().isEmpty()) {
      throw new IllegalStateException(type.getName() + " seals fields but names no @Table");
    }
    @Nullable Field id = null;
    List<SealedColumn> columns = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (field.isAnnotationPresent(Id.class)) {
        id = accessible(field);
      } else if (field.getType() == Sealed.class) {
        columns.add(new SealedColumn(List.of(accessible(field)), columnName(type, field)));
      } else if (field.isAnnotationPresent(Embedded.class)) {
        for (Field part : field.getType().getDeclaredFields()) {
          if (part.getType() == Sealed.class) {
            columns.add(
                new SealedColumn(
                    List.of(accessible(field), accessible(part)),
                    columnName(field.getType(), part)));
          }
        }
      }
    }
    if (id == null) {
      throw new IllegalStateException(type.getName() + " seals fields but has no @Id field");
    }
    return new Layout(table.name(), id, List.copyOf(columns));
  }

  private static String columnName(Class<?> type, Field field) {
    Column column = field.getAnnotation(Column.class);
    if (column == null || column.name().isEmpty()) {
      throw new IllegalStateException(
          type.getName() + "." + field.getName() + " is sealed but names no @Column");
    }
    return column.name();
  }

  private static Field accessible(Field field) {
    field.setAccessible(true);
    return field;
  }

  private record Layout(String table, Field id, List<SealedColumn> columns) {
    Object rowId(Object entity) {
      try {
        Object value = id.get(entity);
        if (value == null) {
          throw new IllegalStateException(
              entity.getClass().getName() + " has no id yet: sealed fields need it assigned");
        }
        return value;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A sealed field of the entity, or of an {@code @Embedded} value it holds ({@code path}). */
  private record SealedColumn(List<Field> path, String name) {
    @Nullable Sealed get(Object entity) {
      Object owner = owner(entity);
      try {
        return owner == null ? null : (Sealed) path.getLast().get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    void set(Object entity, Sealed value) {
      try {
        path.getLast().set(Objects.requireNonNull(owner(entity)), value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private @Nullable Object owner(Object entity) {
      Object owner = entity;
      try {
        for (Field step : path.subList(0, path.size() - 1)) {
          owner = step.get(owner);
          if (owner == null) {
            return null;
          }
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      return owner;
    }
  }
}
