package org.itapipe.schemas.methodology;

/**
 * One questionnaire question or disclosure item. Names are null where no public source names the item;
 * {@code source} says where the names come from (null with them).
 */
public record Item(String code, String nameTh, String nameEn, String source) {
}
