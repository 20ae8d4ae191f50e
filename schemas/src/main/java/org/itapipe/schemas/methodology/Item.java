package org.itapipe.schemas.methodology;

/** One questionnaire question or disclosure item; names are null where no public source names the item. */
public record Item(String code, String nameTh, String nameEn) {
}
