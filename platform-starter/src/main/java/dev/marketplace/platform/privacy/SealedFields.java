package dev.marketplace.platform.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The entity listener that seals an entity's {@link Sealed} fields before they are written and
 * opens them after they are read, each bound to its table, column and row id. Hibernate gets it
 * from Spring (Boot wires Spring as Hibernate's bean container), so it receives the configured
 * cipher. An entity lists it in {@code @EntityListeners}, names its table in {@code @Table}, has an
 * {@code @Id} assigned before it is stored, and names each sealed column in {@code @Column}.
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
        Column column = field.getAnnotation(Column.class);
        if (column == null || column.name().isEmpty()) {
          throw new IllegalStateException(
              type.getName() + "." + field.getName() + " is sealed but names no @Column");
        }
        columns.add(new SealedColumn(accessible(field), column.name()));
      }
    }
    if (id == null) {
      throw new IllegalStateException(type.getName() + " seals fields but has no @Id field");
    }
    return new Layout(table.name(), id, List.copyOf(columns));
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

  private record SealedColumn(Field field, String name) {
    @Nullable Sealed get(Object entity) {
      try {
        return (Sealed) field.get(entity);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    void set(Object entity, Sealed value) {
      try {
        field.set(entity, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
