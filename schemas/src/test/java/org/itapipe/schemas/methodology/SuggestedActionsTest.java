package org.itapipe.schemas.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestedActionsTest {

    @Test
    void everyOitItemOf2568HasASuggestedActionAndOtherYearsNone() {
        SuggestedActions actions = SuggestedActions.builtIn();
        Methodology year = MethodologyCatalog.builtIn().require(2568);

        assertThat(year.items()).filteredOn(item -> year.isOitItem(item.code()))
                .allSatisfy(item -> assertThat(actions.forItem(2568, item.code())).isPresent());
        assertThat(actions.forItem(2568, "o23")).hasValueSatisfying(action -> assertThat(action).contains("สินบน"));
        assertThat(actions.forItem(2567, "o23")).isEmpty();
    }
}
