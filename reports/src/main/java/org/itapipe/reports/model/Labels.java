package org.itapipe.reports.model;

/** The headings of the report and the pages, in Thai (the default) or English. */
public record Labels(String lang, String reportTitle, String reportSubtitle, String fiscalYear, String district,
                     String province, String organizationType, String totalSection, String totalSentence,
                     String level, String indicatorSection, String tool, String indicator, String detail,
                     String score, String analysisSection, String maintainSection, String improveSection,
                     String oitSection, String item, String action, String recoverableSection, String recoverable,
                     String recoverableNote, String nextLevelSection, String nextLevelSentence, String gain,
                     String topLevel, String yoySection, String previous, String change, String ranksSection,
                     String distributionCaption, String planSection, String period, String responsible,
                     String flagsSection, String field, String rule, String noFlags, String unnamedItem,
                     String generatedNote, String page, String of, String ranksDistrict, String ranksProvince,
                     String ranksType, String ranksNationalType) {

    public static final Labels TH = new Labels("th",
            "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
            "(Integrity and Transparency Assessment: ITA)", "ประจำปีงบประมาณ พ.ศ.", "อำเภอ", "จังหวัด",
            "ประเภท", "๑. ผลการประเมินในภาพรวม", "มีผลคะแนน", "อยู่ในระดับ", "๒. ผลการประเมินรายตัวชี้วัด",
            "แบบ", "ตัวชี้วัด", "รายละเอียดตัวชี้วัด", "คะแนน", "๓. การวิเคราะห์ผลการประเมิน",
            "๓.๑ ตัวชี้วัดที่ควรรักษามาตรฐาน (คะแนนเต็ม ๑๐๐)", "๓.๒ ตัวชี้วัดที่ควรปรับปรุง (ต่ำกว่า ๑๐๐)",
            "๓.๓ ข้อ OIT ที่ได้ต่ำกว่า ๑๐๐ คะแนน", "ข้อ", "สิ่งที่ควรเผยแพร่",
            "๔. คะแนนที่เพิ่มได้ในแต่ละตัวชี้วัด", "คะแนนที่เพิ่มได้",
            "น้ำหนักของตัวชี้วัดในคะแนนรวม × (100 − คะแนน) ปัดครึ่งขึ้นเป็นทศนิยมสองตำแหน่ง; รวมทั้งสิบตัวชี้วัด = 100 − คะแนนรวม",
            "๕. สิ่งที่ต้องทำเพื่อขึ้นสู่ระดับถัดไป", "หากยกข้อต่อไปนี้เป็น ๑๐๐ คะแนน (โดยประมาณ) จะได้คะแนนรวม",
            "เพิ่ม", "อยู่ในระดับสูงสุดแล้ว", "๖. เทียบกับปีก่อน", "ปีก่อน", "เปลี่ยนแปลง",
            "๗. ลำดับและการกระจายของคะแนน", "การกระจายของคะแนนรวมในจังหวัด (เส้นคือหน่วยงานนี้)",
            "๘. ร่างแผนการปรับปรุงปีงบประมาณ พ.ศ.", "ระยะเวลา", "ผู้รับผิดชอบ",
            "ข้อสังเกตต่อข้อมูล (ความไม่สอดคล้องในรายงานที่เผยแพร่)", "ช่อง", "กฎ", "ไม่พบความไม่สอดคล้อง",
            "(ไม่มีชื่อจากแหล่งข้อมูลสาธารณะ)", "จัดทำจากข้อมูลในระบบ itapipe", "หน้า", "จาก",
            "ในอำเภอ", "ในจังหวัด", "ในประเภทเดียวกันในจังหวัด", "ในประเภทเดียวกันทั้งประเทศ");

    public static final Labels EN = new Labels("en",
            "Analysis of the Integrity and Transparency Assessment of a public agency",
            "(Integrity and Transparency Assessment: ITA)", "Fiscal year B.E.", "District", "Province",
            "Type", "1. Overall result", "scored", "level", "2. Result per indicator",
            "Tool", "Indicator", "Description", "Score", "3. Analysis",
            "3.1 Indicators to maintain (100)", "3.2 Indicators to improve (below 100)",
            "3.3 OIT items below 100", "Item", "What to publish",
            "4. Points recoverable per indicator", "Points recoverable",
            "weight of the indicator in the total × (100 − score), rounded half up to two decimals; over the ten indicators = 100 − total",
            "5. What the next level takes", "Raising these to 100 (approximately) gives a total of",
            "adds", "already at the top level", "6. Against the year before", "Previous year", "Change",
            "7. Ranks and the distribution of totals", "Distribution of totals in the province (the line is this organization)",
            "8. Draft improvement plan, fiscal year B.E.", "Period", "Responsible",
            "Notes on the data (inconsistencies in the published report)", "Field", "Rule", "No inconsistencies found",
            "(not named by a public source)", "Made from the data in itapipe", "Page", "of",
            "in the district", "in the province", "of its type in the province", "of its type nationally");

    public static Labels of(String lang) {
        return "en".equalsIgnoreCase(lang) ? EN : TH;
    }
}
