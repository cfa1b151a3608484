"""School-gymnasium No. 7, Rudny (`rudny-7`): the seed certificate of 10.06.2025 as plain data.

The certificate covers two half-years, 2024-H2 and 2025-H1; its content is split between them by the
seed's own dates. Where the seed gives a total over both halves (public services, procurement), the halves
add up to it exactly. Texts are the seed's, verbatim, without its numbering, labels («Негіздеме:» …) and
Word bookmarks; order titles lose their outer quotation marks and line breaks. The certificate writes the
figures, lists, orders, cases and inspections itself from the structured data below, so the section texts keep
only the seed's sentences that the data does not say (qualitative statements, legal references, conclusions);
a sentence mixing both stays. The later half carries the full texts and the earlier one shares them. What the
seed does not say is marked "not in the seed".

Every text also carries its Russian version (webapp/demo/seed_school_ru.py), as a school writing both would
type it, so the Russian certificate is wholly Russian.

Used by `webapp.demo.analyses`; nothing here touches the database.
"""

from __future__ import annotations

from datetime import datetime

from . import seed_school_ru as ru

SCHOOL_CODE = "rudny-7"
PERIODS = ("2024-H2", "2025-H1")

# When the school entered, submitted and the department accepted each half-year (Almaty time; both on time).
TIMELINE = {
    "2024-H2": {"created": datetime(2024, 11, 25, 9, 40), "edited": datetime(2024, 12, 13, 17, 5),
                "submitted": datetime(2024, 12, 16, 11, 25), "accepted": datetime(2024, 12, 19, 16, 10)},
    "2025-H1": {"created": datetime(2025, 5, 26, 10, 5), "edited": datetime(2025, 6, 10, 16, 40),
                "submitted": datetime(2025, 6, 11, 9, 50), "accepted": datetime(2025, 6, 16, 15, 30)},
}

TEXTS = {
    "acts": {
        "risks": ("білім жүйесіне байланысты нормативтік құжаттармен жұмыс жасайтын тұлғалардың тиісті "
                  "заңнамаларды толық меңгермеуі, мектепішілік құжаттардың жүргізу сапасы жеткілікті емес."),
        "basis": ("Мектеп-гимназия бойынша шығарылған локальды актілерді қолдану барысында сыбайлас жемқорлық "
                  "тәуекелдері бар болу ықтималдығы қаралды. Мектеп-гимназия сайтында және ресми әлеуметтік "
                  "парақшаларда тақырыптық материалдар жарияланып отырылады. Б.Майлин атындағы №7мектеп-гимназия "
                  "бойынша педагогикалық және техникалық жұмыскерлердің лауазымдық міндеттері, мектептің ішкі "
                  "тәртіп ережесін әзірленіп, директордың бұйрығымен  бекітілді, және педагогтерге,  "
                  "қызметкерлерге  қол қойып таныстырылды."),
        "recommendations": ("мектеп-гимназия бойынша шығарылған локальды актілер, бұйрықтар сыбайлас жемқорлық "
                            "фактілері бойынша тексерілді, ішкі мектеп- гимназия құжаттарында бұзушылықтар "
                            "анықталған жоқ."),
    },
    "services": {
        "risks": ("мемлекеттік көрсетілетін қызметтердің мерзімдерінің бұзылуы, артық құжаттарды қабылдау, толық "
                  "емес құжаттарды ұсынылған жағдайда мемлекеттік қызметтің көрсетілуі."),
        "basis": ("Мемлекетік қызмет көрсету жұмысы мектеп-гимназияның басшылығы тарапынан қатаң бақылауда. "
                  "Мектеп-гимназияның бірінші қабатында мемлекеттік қызмет көрсету бойынша арнайы бұрыш "
                  "әзірленген, ресми сайтта да ақпарат орналастырылған. Бұйрық негіздемесі: «Мемлекеттік "
                  "көрсетілетін қызметтер тізілімін бекіту туралы» Қазақстан Республикасы Цифрлық даму, "
                  "инновациялар және аэроғарыш өнеркәсібі министрінің м.а. 2020 жылғы 31 қаңтардағы №39/НҚ және "
                  "«Отбасы және балалар саласында мемлекеттік қызметтерді көрсету қағидаларын бекіту туралы» "
                  "Қазақстан Республикасы Білім және ғылым министрінің 2020 жылғы 24 сәуірдегі №158.\n"
                  "Мемлекеттік қызметтерге жауапты тұлғалар ай сайын көрсетілген мемлекеттік қызметтердің есебін "
                  "жүргізеді және осы ақпаратты Рудный қаласы білім бөліміне жібереді."),
        "recommendations": ("мемлекеттік қызметтер бекітілген нормативтік құжаттарға сәйкес көрсетіледі, "
                            "бақыланып, мониторинг жүргізіледі, бұзушылықтарды алдын алу бойынша жоспарға сай "
                            "жұмыстар орындалуда."),
    },
    "personnel": {
        "risks": ("бос орындарға конкурс жариялау және өткізу барысында, аттесталатын педагогтерді біліктілігін "
                  "бағалау барысында, жұмыскерлерге жалақыны және қосымша ақыларды төлеу."),
        "basis": ("Персоналды басқару, оның ішінде кадрлардың ауысуы. Ұйымдастырушылық-басқарушылық қызметтегі ішкі "
                  "тәуекелдерге жүргізілген талдау  Б.Майлин атындағы №7 мектеп-гимназиясында  персоналды басқару "
                  "ҚР қолданыстағы заңнамасына сәйкес жүзеге асырылатынын көрсетті.  ҚР Еңбек кодексіне, ҚР «Білім "
                  "туралы» Заңына, ҚР «Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Заңына, педагогикалық әдеп "
                  "қағидаларына, сондай-ақ өзге де заңдарға, заңға тәуелді нормативтік құқықтық актілерге және "
                  "сыбайлас жемқорлыққа қарсы стандартқа сәйкес жүзеге асырылатыны анықталды.\n"
                  "Әкімшілік лауазымдық міндеттері мектеп-гимназия директоры Қ.И.Бірмановамен бекітілген.\n"
                  "Педагог қызметкерлер әрбір 3 жылда біліктіліктерін арттырып отырады.\n"
                  "Б.Майлин атындағы №7 мектеп-гимназиясында кадрларды іріктеу және орналастыруда Қазақстан "
                  "Республикасының «Білім туралы» Заңы, Қазақстан Республикасының Еңбек кодексі, гимназия Жарғысы, "
                  "сондай-ақ ұжымдық шарты басшылыққа алынады.  Мұғалімнің білім деңгейі, практикалық жұмыс "
                  "тәжірибесі ескеріледі.\n"
                  "Педагог қызметкерлерді және өзге де қызметкерлерді іріктеу және лауазымға тағайындау Қазақстан "
                  "Республикасы Білім және ғылым министрінің 2009 жылғы 13 шілдедегі №338 «Педагог қызметкерлер мен "
                  "оларға теңестірілген тұлғалар лауазымдарының бекітілген үлгілік біліктілік сипаттамаларына» "
                  "сәйкес жүргізіледі. Қазақстан Республикасының Әділет министрлігінің 17 тамызда №5750 «Қызметтің "
                  "барлық салаларына ортақ мемлекеттік мекемелер мен қазыналық кәсіпорындар мамандарының жекелеген "
                  "лауазымдарының бекітілген біліктілік сипаттамаларына» сәйкес жүргізіледі.  Қазақстан "
                  "Республикасы Денсаулық сақтау және әлеуметтік даму министрінің 2016 жылғы 1 қыркүйектегі №775 "
                  "бұйрығына, Қазақстан Республикасының Әділет министрінің 2016 жылғы 3 қазандағы №14281 "
                  "негізделеді.\n"
                  "Үміткерлерді жұмысқа қабылдау конкурстық іріктеу негізде жүзеге асырылады. Лауазымдық мүдделер "
                  "қақтығысының болмауына баса назар аударылады.\n"
                  "Сыбайлас жемқорлықтың ішкі тәуекелдерін талдау барысында Б.Майлин атындағы №7 "
                  "мектеп-гимназиясында конкурстық іріктеу жүргізілмей, лауазымды жоғарылату фактісі анықталмады.\n"
                  "2016 жылғы 13 маусымдағы Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму "
                  "министрінің «Мүгедектерге арналған жұмыс орындарын квоталау қағидаларын бекіту туралы» №498 "
                  "бұйрығымен бекітілген бекітілген мүгедектерге арналған жұмыс орындарын квоталау қағидаларының "
                  "5-тармағын орындауға байланысты бос орын болған жағдайда кандидаттарды іріктеу шарттары бірдей "
                  "болады, үміткерлердің мүмкіндіктері тепе-тең келеді.\n"
                  "Бос орындар пайда болған жағдайда  ақпарат  «Электрондық еңбек биржасында» уақытында "
                  "орналастырылып, еңбек жағдайлары мен төлемақысы, орналастыру мерзімі туралы толық ақпарат "
                  "беріледі.\n"
                  "Бос орындарға қабылдау «Мемлекеттік білім беру ұйымдарының бірінші басшылары мен педагогтерін "
                  "лауазымға тағайындау, лауазымнан босату қағидаларын бекіту туралы» Қазақстан Республикасы Білім "
                  "және ғылым министрінің 2012 жылғы 21 ақпандағы № 57 Бұйрығы негізінде жүргізіледі.\n"
                  "Мектеп-гимназия қызметкерлеріне жалақысы туралы түбіртек ай сайын беріледі. Қызметкерлер "
                  "жалақысы уақытылы төленеді.\n"
                  "Тәртіптік жазалар мерзімінде орындалған, тұлғалардың құқықтарын бұзу фактісі анықталмады.\n"
                  "Жұмысқа қабылдау барысында сыбайлас жемқорлықтың ішкі тәуекелі анықталмады.\n"
                  "ҚР «Педагог мәртебесі туралы» Заңының бұзылуы болған жоқ. Қызметкерлер сыбайлас жемқорлыққа "
                  "қарсы шектеулер қабылдады. Еңбек тәртібі бұзылған жоқ. Бұқаралық ақпарат құралдарында "
                  "қызметкерлерге теріс ақпарат орналастырылған жоқ.\n"
                  "Мүдделер қақтығысы  Б.Майлин атындағы №7 мектеп-гимназиясында мүдделер қақтығысын реттеу "
                  "жөніндегі рәсімдерді реттейтін құжат (саясат) бар. Мекеме қызметінде жемқорлық тәуекелдерін ішкі "
                  "талдау барысында даулы мүдделер жоқ. Мүдделер қақтығысының мониторингісі жасалып отырады. "
                  "Қазақстан Республикасының 2015 жылғы 18 қарашадағы «Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» "
                  "№410  Заңының  14 бабының бұзылуы тікелей бағыныштылықтың болмауына байланысты сыбайлас "
                  "жемқорлықтың ішкі тәуекелі анықталмады."),
        "recommendations": ("бос орындарға конкурс жариялау және өткізу барысы мониторинг-тексеру жүргізу; "
                            "педагогтердің біліктілігін бағалау комиссияның жұмысын, жұмыскерлерге жалақыны және "
                            "қосымша ақылардың төленуін тексеру."),
    },
    "procurement": {
        "risks": "мемлекеттік сатып алудың ережесінің бұзылуы, қаражаттың теріс пайдалануы.",
        "basis": ("мектеп-гимназияда белгіленген мерзім аралығында бірнеше қатар мемлекеттік сатып алу шарттары "
                  "құрылды: ашық конкурс, баға сұранысы бойынша, электронды дүкен арқылы."),
        "recommendations": ("мемлекеттік сатып алу жоспары директордың бұйрығымен бекітіледі, өзгерістер "
                            "бұйрықпен ай сайын рәсімделеді, Ашық конкурс бойынша мемлекеттік сатып алу жөніндегі "
                            "арнайы комиссиялар құрылады."),
    },
    "digital": {
        "risks": ("ұжым мен оқушылардың дербес деректерін қорғау және тарату саласындағы бұзушылық, электрондық "
                  "және баспа түрінде артық құжаттаманы талап ету."),
        "basis": ("Оқушылар, қызметкерлер туралы ақпаратты жинау және өңдеу кезінде сыбайлас жемқорлық тәуекелдерін "
                  "болдырмау үшін мектеп-гимназия ұжымы директордың кеңесінде \"Ақпаратты қорғау туралы\" білім "
                  "бөлімінің 2021 жылғы 14 сәуірдегі №431 бұйрығымен танысты, қызметкерлер, оның ішінде гимназияға "
                  "жұмысқа қабылданатындардың барлығы дербес деректерді қорғауға жауапкершілік артатыны туралы "
                  "танысты. Қазақстан Республикасы Еңбек кодексінің 22-бабы 1-тармағының 24-тармақшасына және "
                  "21-бабы 2-тармағының 24-тармақшасына, \"Дербес деректер және оларды қорғау туралы\" 2013 жылғы "
                  "21 мамырдағы №94-ү ҚР Заңына сәйкес гимназияның әрбір қызметкерімен \"дербес деректерді жинауға "
                  "және өңдеуге келісім\"жасалды. Құжаттама Қазақстан Республикасы Еңбек кодексінің 22-бабы "
                  "1-тармағының және 21-бабы 2-тармағының 24-тармақшасының бұйрығы мен қаулысына, ҚР 2013 жылғы 21 "
                  "мамырдағы №94-ү Заңына сәйкес электрондық түрде жүргізіледі."),
        "recommendations": ("гимназияда орта білім беру ұйымдарының педагогтері жүргізу үшін міндетті құжаттардың "
                            "тізбесіне сәйкес қатаң жүргізу."),
    },
    "appeals": {
        "risks": "өтінішке уақытында дұрыс жауап берілмеуі немесе нақты емес ақпарат беруі.",
        "basis": ("Әрбір өтінішті жауапты тұлға өзі жетекшілік ететін бағытқа сәйкес өңдеді. Ата-аналардың жеке "
                  "өтініштері жұмыс тәртібімен жеке өңделеді, олардың жеке өтініштерімен расталатын бұйрықтар "
                  "шығарылады."),
        "recommendations": ("өтініштермен жұмыс істеу кезінде жауапты тұлғаларды тағайындау, жеке және заңды "
                            "тұлғалардың өтініштерінің мерзімдерін орындау."),
    },
    "transparency": {
        "risks": "өткізілетін іс-шаралар шеңберінде ашықтық және ынтымақтастық қағидатының болмауы.",
        "basis": ("гимназия қабырғасында өткізілетін іс-шаралар немесе білім беру мекемесінің қызметіне қатысты "
                  "өзге де іс-шаралар гимназияның ресми сайтында, Instagram  аккаунттарында мемлекеттік тілде "
                  "қамтылады."),
        "recommendations": "оқу орнының қызметін ресми сайтта және әлеуметтік желілерде үнемі жариялау/жаңарту.",
    },
    "monitoring": {
        "risks": "ашықтық қағидатының болмауы және қоғамдық бақылау шеңберіндегі ынтымақтастық, ақпаратты жасыру.",
        "basis": ("сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі іс-шаралар жоспарына сәйкес мектеп-гимназияда "
                  "педагогикалық ұжым арасында сыбайлас жемқорлыққа қарсы іс-қимыл және педагогикалық этиканы "
                  "сақтау мәселелері бойынша қолданыстағы заңнаманы түсіндіру бойынша тұрақты негізде кеңестер "
                  "өткізіледі."),
        "recommendations": ("дұрыс ұсыну сыбайлас жемқорлыққа қарсы және қоғамдық мониторингтің уәкілетті "
                            "мүшелеріне қажет болған жағдайда ақпарат, тығыз ынтымақтастық."),
    },
    "control": {
        "basis": "Мектеп-гимназия бақылау және рұқсат беру функцияларын жүзеге асырмайды.",
    },
    "courts": {
        "basis": "Талдау объектісінің (азаматтық-құқықтық сипаттағы) іс жүргізу практикасы көрсетілмейді.",
    },
    "inspections": {
        "risks": "дұрыс емес ақпарат беру және/немесе тексеру жүргізу кезіндегі құжаттама.",
        "basis": "2024 жылғы  ақпанда Рудный қаласының прокуратурасы тексеру жүргізді.",
        "recommendations": "тексеруші органдарға ақпаратты дұрыс ұсыну.",
    },
    "fiscal": {
        "basis": "Талданатын кезеңде фискалдық органдардың тексерулері болған жоқ.",
    },
    "interactions": {
        "basis": "Көрсетілген кезеңде осы ұйымдармен өзара іс-қимыл болмайды.",
    },
    "media": {
        "risks": ("гимназияның дұрыс емес имиджін қалыптастыру, әлеуметтік желілердегі жарияланымдармен "
                  "байланысты қоғамдық резонанс құру кезінде әрекетсіздік."),
        "basis": ("Сыбайлас жемқорлыққа қарсы мәдениетті қалыптастыру мақсатында мектеп- гимназияда оқушыларға "
                  "парасатты азамат ақпараты электронды киоскіде  рәсімделді. Instagram-дағы гимназияның ресми "
                  "аккаунтында сыбайлас жемқорлыққа қарсы мәдениетті қалыптастыруға арналған \"парасаттылық "
                  "сағаты\" бейнероликтері жарияланды. Құқықтық сауаттылық деңгейін арттыру шеңберінде заңды "
                  "мінез-құлыққа жеке-саналы ұмтылысты ояту, сыбайлас жемқорлыққа қарсы мәдениет шеңберінде "
                  "оқушылар үшін мектеп- гимназия әкімшілігі құрған \"Заң және жауапкершілік\"ролигі жарияланды. "
                  "Күн сайын БАҚ пен әлеуметтік желілерге мониторинг жүргізіледі, түрлі интернет-ресурстарда "
                  "педагогтер туралы айтылады. Ақпаратты әлеуметтік желілердегі бөгде аккаунттарға орналастырған "
                  "кезде әкімшілік ақпараттың дұрыстығын тексереді, өтініштерге жауаптар береді. Әкімшілік пен "
                  "педагогикалық ұжым әрқашан диалогқа ашық. Педагогтердің баспасөз басылымдарындағы ескертулері "
                  "мектеп-гимназия кітапханасында  сақталады."),
        "recommendations": ("гимназиямен байланысты жарияланымдарды анықтау бойынша күнделікті жұмыс; өзге тарап "
                            "аккаунттарындағы жарияланымдарға уақтылы жауап беру."),
    },
    "conclusion": {
        "finding": ("Жоғарыда көрсетілген бағыттар бойынша талданатын кезеңде сыбайлас жемқорлық тәуекелдеріне "
                    "байланысты бұзушылықтар анықталған жоқ."),
        "lead": ("Сыбайлас жемқорлық тәуекелдеріне жүргізілген ішкі талдау қорытындысы бойынша жұмыс тобы мынадай "
                 "ұсынымдар шығарды:"),
    },
}

# --- 1.1 Acts --------------------------------------------------------------------------------------

INTERNAL_RULES = {"rules_body": "Педагогикалық кеңес", "rules_protocol_number": "1",
                  "rules_protocol_date": "2024-08-29", "rules_order_number": "153",
                  "rules_order_date": "2024-09-02"}

PLAN_CHANGE = ("Тауарларды, жұмыстарды, көрсетілетін қызметтерді мемлекеттік сатып алудың 2025 жылға арналған "
               "жылдық жоспарына өзгерістер және (немесе) толықтырулар енгізу туралы")

# (№, date, title) in the seed's order. The inventory order of 01.11.2023 still applied in 2024-H2.
ORDERS = {
    "2024-H2": [
        ("174", "2024-09-02", "Ыстық тамақпен қамтамасыз ету туралы"),
        ("152", "2024-09-02", "Педагогтердің апталық жүктемелерін бекіту туралы"),
        ("179", "2024-09-02", "Сабақтан тыс спорт сабақтарын жүргізгені, ағылшын тілінде пәнді жүргізгені үшін "
                              "қосымша ақыны төлеу туралы"),
        ("183", "2024-09-02", "Қызметтік бөлмелерді тазалаушыларға қосымша ақы төлеу туралы"),
        ("235", "2024-09-02", "Сыбайлас жемқорлық тәуекелдеріне ішкі талдауды жүргізу туралы"),
        ("291", "2024-09-02", "2024-2025 оқу жылына Конкурстық комиссияны құру туралы"),
        ("162", "2024-09-02", "Аттестациялық комиссия мен сараптамалық кеңес мүшелерін бекіту туралы"),
        ("252", "2024-09-02", "Гимназия кітапханасы қорынан есептен шығару жөніндегі комиссияны құру туралы"),
        ("169", "2024-09-02", "Гимназияда 2024-2025 оқу жылына тарификациялық комиссияны құру туралы"),
        ("259", "2024-09-02", "Гимназияда заңсыз ақшалай қаражат жинауға тыйым салу туралы"),
        ("263", "2024-09-02", "Педагогикалық әдепті сақтау туралы"),
        ("261", "2024-09-02", "«АРМ» электронды мектеп порталында жұмыс жасау туралы"),
        ("215", "2024-09-02", "Мемлекеттік көрсетілетін қызметтерге жауапкершілікті жүктеу"),
        ("203", "2024-09-02", "Әкімшілік, оқу және шаруашылық бөлмелеріне жауапты педагогтерді, жұмыскерлерді "
                              "бекіту туралы"),
        ("234", "2024-09-02", "2024-2025 оқу жылына арналған сыбайлас жемқорлықпен күрес бойынша Жауапты "
                              "тұлғаны бекіту туралы"),
        ("238", "2024-09-02", "«Адал ұрпақ» еріктілер клубының жұмысын ұйымдастыру және жұмыс жоспарын жүзеге "
                              "асыру туралы"),
        ("242", "2024-09-02", "Қамқоршылық кеңесінің құрамына өзгеріс енгізу және жұмысын ұйымдастыру туралы"),
        ("266", "2024-09-02", "Өтініштерді қарауға жауапты тұлғаны бекіту туралы"),
        ("268", "2023-11-01", "Жыл сайынғы түгендеуді жүргізу туралы"),
        ("355", "2024-12-19", "Сыйақы беру туралы"),
        ("286", "2024-09-02", "Ыстық тамақпен қамтамасыз ету туралы"),
        ("338", "2024-11-12", "Бірінші қол қою құқығы туралы"),
    ],
    "2025-H1": [
        ("2", "2025-01-05", PLAN_CHANGE),
        ("1", "2025-01-05", "2025 жылға арналған тамақтануды ұйымдастыру жөніндегі мемлекеттік сатып алу "
                            "жоспарын бекіту туралы"),
        ("83", "2025-05-05", "Білім алушыларды қорытынды аттестаттау жөніндегі емтихан комиссиясы туралы"),
        ("2", "2025-01-05", PLAN_CHANGE),  # listed twice in the seed; kept, as the school entered it
        ("68", "2025-04-14", "2025 жылға арналған тамақтануды ұйымдастыру бойынша сатып алу жоспарын өзгерту "
                             "туралы"),
        ("83", "2025-05-05", "Негізгі және жалпы орта білім туралы аттестаттарды және оларға қосымшаларды толтыру "
                             "туралы"),  # the seed's "05,05.2025"
        ("55", "2025-03-05", PLAN_CHANGE),
        ("56", "2025-03-06", PLAN_CHANGE),
        ("49", "2025-02-24", PLAN_CHANGE),
        ("50", "2025-02-24", PLAN_CHANGE),
        ("78", "2025-05-05", "Мектепті аяқтау іс-шараларын өткізу туралы"),
        ("70", "2025-04-17", "Ақша қаражаттарын заңсыз жинауға және алымдарға тыйым салу туралы"),
    ],
}

# --- 2.1 Public services ---------------------------------------------------------------------------

SERVICES_FACTS = {"responsibility_order_number": "215", "responsibility_order_date": "2024-09-02",
                  "portal_responsible": "Исаева А.Ж.", "portal_order_number": "48",
                  "portal_order_date": "2024-09-02"}

# code → (legal basis as the seed words it, responsible)
SERVICE_DETAILS = {
    "home_schooling": ("Мемлекеттік көрсетілетін қызмет стандарты", "Хасенова Н.С."),
    "document_duplicates": ("Қазақстан Республикасы Білім және ғылым министрінің 2015 жылғы 28 қаңтардағы № 39 "
                            "бұйрығы", "Хасенова Н.С."),
    "teacher_attestation": ("Қазақстан Республикасы Білім және ғылым министрінің 2020 жылғы 14 мамырдағы № 202 "
                            "бұйрығы", "Жұмабаева Г.Т."),
    "admission": ("Бастауыш, негізгі орта және жалпы орта білімнің жалпы білім беретін оқу бағдарламаларын іске "
                  "асыратын білім беру ұйымдарына оқуға қабылдаудың үлгілік қағидалары", "Хасенова Н.С."),
    "transfer": ("Мемлекеттік қызмет көрсету стандарты", "Хасенова Н.С."),
    "free_meals": ("Мемлекеттік қызметті көрсету қағидалары", "Бекболатова Б.Т."),
    "camps": ("Мемлекеттік қызметті көрсету қағидалары", "Бекболатова Б.Т."),
    "material_aid": ("Мемлекеттік қызметті көрсету қағидалары", "Бекболатова Б.Т."),
}

# code → {half-year: (recipients, amount)}; the halves add up to the seed's totals. Admission and camps fall
# mostly in spring and summer, home schooling and free meals are arranged in September.
SERVICE_RECIPIENTS = {
    "home_schooling": {"2024-H2": (2, None), "2025-H1": (0, None)},
    "document_duplicates": {"2024-H2": (0, None), "2025-H1": (0, None)},
    "teacher_attestation": {"2024-H2": (0, None), "2025-H1": (0, None)},
    "admission": {"2024-H2": (46, None), "2025-H1": (82, None)},
    "transfer": {"2024-H2": (71, None), "2025-H1": (57, None)},
    "free_meals": {"2024-H2": (4, None), "2025-H1": (1, None)},
    "camps": {"2024-H2": (0, None), "2025-H1": (2, None)},
    "material_aid": {"2024-H2": (3, "130221"), "2025-H1": (2, "86814")},
}
SERVICE_TOTALS = {"admission": 128, "transfer": 128, "free_meals": 5, "camps": 2, "material_aid": 5,
                  "home_schooling": 2, "document_duplicates": 0, "teacher_attestation": 0}
MATERIAL_AID_TOTAL = "217035"
ELECTRONIC = {"free_meals"}  # «1-11 сынып аралығы 5 оқушы «АРМ» сайты арқылы тегін тамақпен қамтамасыз етілді»

# --- 2.2 Personnel ---------------------------------------------------------------------------------

# (position, persons, staff units) as the seed lists them; the director's units are not given.
ADMIN_STAFF = [
    ("Мектеп-гимназия директоры", 1, None),
    ("Директордың оқу ісі жөніндегі орынбасары", 1, "1"),
    ("Директордың әдістеме ісі жөніндегі орынбасары", 1, "1"),
    ("Директордың тәрбие ісі жөніндегі орынбасары", 2, "1"),
    ("Директордың дарынды балалармен жұмыс жөніндегі орынбасары", 1, "1"),
    ("Директордың АКТ жөніндегі орынбасары", 1, "1"),
    ("Директордың бастауыш сыныптар жөніндегі орынбасары", 1, "0.5"),
    ("Педагог-психолог", 1, "1.5"),
    ("Әлеуметтік педагог", 1, "1.5"),
    ("Директордың шаруашылық жөніндегі орынбасары", 1, "1"),
    ("Мектеп-гимназияның бас есепшісі", 1, "1"),
]

VACANCIES_PUBLISHED = ("«Электрондық еңбек биржасы» порталы, пайда болған күннен бастап бес жұмыс күні ішінде; "
                       "https://www.instagram.com/school7_rud/; http://rudnymektep7.edu.kz/")

# The seed's figures are "as at" June 2025 (2025-H1). 2024-H2 is not in the seed: a consistent year-start
# picture a little smaller than June's.
STAFF = {
    "2024-H2": {"administrative_total": 11,
                "teachers_total": 75, "support_staff_total": 38, "teachers_higher_education": 68,
                "teachers_special_secondary": 7, "category_pedagog": 15, "category_moderator": 22,
                "category_expert": 17, "category_researcher": 19, "category_master": 2, "vacancies": 0,
                "ethics_council_cases": 0, "conflict_of_interest_cases": 0},
    "2025-H1": {"administrative_total": 11,
                "teachers_total": 76, "support_staff_total": 41, "teachers_higher_education": 69,
                "teachers_special_secondary": 7, "category_pedagog": 16, "category_moderator": 22,
                "category_expert": 17, "category_researcher": 21, "category_master": 2, "vacancies": 0,
                "ethics_council_cases": 0, "conflict_of_interest_cases": 0},
}
# The seed's administrative list names 12 people against a staff of 11: two deputies share one post.
ADMIN_EXPLANATION = (
    "Әкімшілік штат 11 адамды құрайды; директордың тәрбие ісі жөніндегі орынбасары лауазымын (1 бірлік) 2 адам "
    "бөліп атқарады, сондықтан лауазымдар тізімінде 12 адам көрсетілген."
)
# The seed's categories add up to 78 against 76 teachers; the figures stay and the school says why.
CATEGORIES_EXPLANATION = ADMIN_EXPLANATION + " " + (
    "Біліктілік санаттары бойынша сандар 2025 жылғы 10 маусымдағы талдамалық анықтамадағыдай көрсетілді "
    "(барлығы 78 педагог), ал мұғалімдердің жалпы штат саны – 76. Санаттар есебіне декреттік демалыстағы және "
    "қоса атқарушы педагогтер де кірген, сондықтан сандар сәйкес келмейді."
)

# (month, hired/dismissed/leave, category, count, reason): January–May 2025 as the seed lists them; the seed
# lists the March maternity leave among its dismissals but counts 3 dismissals, so it is a long leave here. The
# seed lists none for 2024-H2, so a certificate over both halves shows exactly the seed's.
MOVEMENTS = {
    "2024-H2": [],
    "2025-H1": [(1, "hired", "teacher", 2, None), (1, "hired", "support", 2, None),
                (2, "hired", "support", 2, None), (3, "long_leave", "teacher", 1, "декреттік демалысқа"),
                (4, "dismissed", "teacher", 1, "өз еркімен"), (4, "dismissed", "support", 1, "өз еркімен"),
                (5, "hired", "support", 2, None), (5, "dismissed", "support", 1, "өз еркімен")],
}

# The seven warnings of 2024-H2, names as the seed writes them.
DISCIPLINARY = [
    ("Айназарова Ж", "77", "2024-10-11"),
    ("Ермағанбетова С.А.", "86", "2024-11-01"),
    ("Абдрахимова З.Г.", "88", "2024-11-13"),
    ("Бахрамова С.Б", "88", "2024-11-13"),
    ("Омарғалиев А.М.", "88", "2024-11-13"),
    ("Сансызбаева Г.Ә.", "88", "2024-11-13"),
    ("Сейтен Р.С.", "88", "2024-11-13"),
]

# --- 2.2 Procurement -------------------------------------------------------------------------------

# (method, contracts, amount). Over both halves: price requests 57 contracts, 22 266 028,65 ₸; e-shop 41 440 ₸
# (the seed gives no contract count for it).
PROCUREMENT = {
    "2024-H2": [("price_request", 25, "9874312.40")],
    "2025-H1": [("price_request", 32, "12391716.25"), ("e_shop", None, "41440")],
}
PRICE_REQUEST_TOTAL = (57, "22266028.65")
TWICE_LISTED = "№2 бұйрық анықтамада екі рет көрсетілген; мектеп енгізгендей қалдырылды."
PLAN_ORDERS = ("№1 05.01.2025, №2 05.01.2025, №49 24.02.2025, №50 24.02.2025, №55 05.03.2025, №56 06.03.2025, "
               "№68 14.04.2025")

# --- 2.3 Digitalisation ----------------------------------------------------------------------------

DIGITAL_FACTS = {"documents_basis_order_number": "130", "documents_basis_order_date": "2020-04-06",
                 "data_protection_order": "Білім бөлімінің 2021 жылғы 14 сәуірдегі №431 «Ақпаратты қорғау туралы» "
                                          "бұйрығы"}

# --- 2.4 Appeals: three via e-Otinish, all answered on time (the dates are not in the seed) ---------

APPEALS = {
    "2024-H2": [("e_otinish", "2024-10-14", "2024-10-25")],
    "2025-H1": [("e_otinish", "2025-02-10", "2025-02-21"), ("e_otinish", "2025-04-22", "2025-05-06")],
}

# --- 2.5 Transparency ------------------------------------------------------------------------------

WEBSITE = "http://rudnymektep7.edu.kz/"
INSTAGRAM = "https://www.instagram.com/school7_rud/"

# --- 2.6 Monitoring: the canteen, with the city department's chief specialist -----------------------

MONITORING_EVENT = {"held_on": "2024-05-13", "kind": "Мектеп-гимназия асханасында қоғамдық мониторинг",
                    "held_by": "Қалалық білім бөлімінің бас маманымен бірлесіп",
                    "result": "Бұзушылықтар анықталған жоқ", "violations_found": False}

# --- 2.8 Courts, 2.9 Inspections -------------------------------------------------------------------

COURT_CASE = {"case_number": "7527-25-00-2/5493", "decided_on": "2025-05-23", "court": "Алматы қ.",
              "counterparty": "«SHAKIRT GROUP» ЖШС", "subject": "Мемлекеттік сатып алуға қатысты",
              "outcome": "in_favour"}
# The seed names no risks and no recommendations for 2.8: the case only, and so does the demo.

INSPECTION = {"body": "Рудный қаласының прокуратурасы", "period_checked": "2024–2025",
              "subject": "Бюджеттік қаржының жұмсалуы, мемлекеттік сатып алу, тамақтануды ұйымдастыру",
              "result_kind": "representation",  # the seed's «№2-0904-25-01180 ұсыным»
              "result_number": "2-0904-25-01180", "result_date": "2025-05-21", "violations_found": False,
              "description": "Мемлекеттік сатып алу, бюджеттік қаржының жұмсалуы, тамақтануды ұйымдастыру бойынша "
                             "ескертулер, бұзушылықтар анықталған жоқ."}
NO_INSPECTIONS = "Талданатын кезеңде қадағалау органдарының тексерулері болған жоқ."  # not in the seed

# --- Conclusion ------------------------------------------------------------------------------------

AUDIENCE = "Барлық жұмыскерлерге"
# (text, deadline kind): the seed's ten, without numbering and the deadline words they end with.
RECOMMENDATIONS = [
    ("ҚР Сыбайлас жемқорлыққа қарсы заңнамасын қатаң сақтау", "permanent"),
    ("белгілі болған сыбайлас жемқорлық фактілері туралы басшыға хабарлау", "permanent"),
    ("материалдық сыйақыны, кез келген бағалы сыйлықтарды немесе қызметтерді қабылдауға жол бермеу", "permanent"),
    # The seed wraps the deadline into the middle of this one; untangled.
    ("ата-аналар жұртшылығы арасында кез келген қажеттіліктерге (ата-аналармен профилактикалық әңгімелер "
     "жүргізу) ақша жинауға жол бермеу", "permanent"),
    ("сыныптың, мектеп-гимназияның (стендтер, сайттар, сынып бұрыштары) қажеттіліктеріне ақша жинауға жол "
     "бермеу бойынша халықты ақпараттандыру жөніндегі жұмысты күшейту", "permanent"),
    ("сыбайлас жемқорлыққа қарсы іс-қимыл туралы мәселелерді педагогикалық ұжымның талқылауына үнемі шығару",
     "twice_a_year"),
    ("Мектеп-гимназияда барлық оқу сабақтары, вариативті курстар бекітілген кестелерге сәйкес тегін негізінде "
     "жүргізіледі", "permanent"),
    ("педагог жұмыскерлеріне «Педагог мәртебесі туралы» ҚРЗ және Педагогикалық әдеп нормаларының қатаң сақтауы",
     "permanent"),
    ("мүдделер қақтығысы бойынша тұрақты жұмыс", "permanent"),
    ("жеке және заңды тұлғалардың өтініштерін уақытылы қарау, мемлекеттік қызметті дұрыс көрсету, ресми сайт "
     "пен әлеуметтік желілерде ресми ақпараттарды жаңарту", "permanent"),
]
# The plan names who carries out each measure and which section's risk it answers. The seed addresses all ten
# to every employee (AUDIENCE), so they are the responsible; the section is the one whose risk the text speaks of.
RESPONSIBLE = "Барлық жұмыскерлер"
RECOMMENDATION_SECTIONS = ["acts", "personnel", "personnel", "transparency", "transparency", "personnel",
                           "services", "personnel", "personnel", "appeals"]
# Not in the seed: the conclusion's own risks line sums up the sections' risks.
CONCLUSION_RISKS = ("нормативтік құжаттарды толық меңгермеу, мемлекеттік қызмет көрсету мерзімдерін бұзу, кадр "
                    "саясаты мен мемлекеттік сатып алудағы, өтініштерді қараудағы тәуекелдер.")

# --- General part and Appendix 4 -------------------------------------------------------------------

GENERAL_FACTS = {"order_number": "234", "order_date": "2024-09-02", "signatory_name": "Бірманова Қ.И.",
                 "signatory_position": "Мектеп басшысы",
                 **{f"source_{number}": True for number in range(1, 15)}}
CERTIFICATE_DATES = {"2024-H2": "2024-12-13", "2025-H1": "2025-06-10"}  # 2024-H2's is not in the seed

POSITIONS = [
    {"position_title": "Директор", "competence": "Білім алушыларды қабылдау, тіркеу. Бірінші қол қою құқығы",
     "risk": "НҚА толық меңгермеуі, білмеуі"},
    {"position_title": "Бас есепші, есепші", "competence": "Қаржы қызметін жүргізуі",
     "risk": "Қаржыландыруды жүргізуде, бюджетті жоспарлауда кемшіліктер, мемлекеттік сатып алу ережесінің "
             "бұзылуы"},
]


# --- The two half-years as writer content ----------------------------------------------------------

def _triplet(code: str, **overrides) -> dict:
    texts = TEXTS[code]
    return {"risks": texts["risks"], "basis": texts["basis"], "recommendations": texts["recommendations"],
            "violation_found": False, **overrides}


def _nothing(basis: str) -> dict:
    return {"nothing_to_report": True, "basis": basis}


def _in_russian(code: str, narrative: dict, **russian) -> dict:
    """The section's narrative texts in Russian: the seed section's own, or those given."""
    texts = {**ru.TEXTS.get(code, {}), **russian}
    return {key: texts[key] for key in ("risks", "basis", "recommendations") if narrative.get(key) and key in texts}


def _bilingual(section: dict, code: str, **russian) -> dict:
    """A section's content with its narrative's Russian version beside it."""
    return {**section, "translations": _in_russian(code, section["narrative"], **russian)}


def _row(values: dict, **russian) -> dict:
    return {**values, "translations": russian}


def content(period: str) -> dict:
    """The writer content of one of the seed's half-years ("2024-H2" or "2025-H1")."""
    if period not in PERIODS:
        raise ValueError(period)
    later = period == "2025-H1"
    services = []
    for code, (legal_basis, responsible) in SERVICE_DETAILS.items():
        recipients, amount = SERVICE_RECIPIENTS[code][period]
        services.append(_row({"service_code": code, "legal_basis": legal_basis, "responsible": responsible,
                               "recipients": recipients, "amount": amount,
                               "electronic": recipients if code in ELECTRONIC else None},
                              legal_basis=ru.SERVICE_WORDS[legal_basis], responsible=ru.SERVICE_WORDS[responsible]))
    staff = {**STAFF[period], "vacancies_published": VACANCIES_PUBLISHED,
             "vacancies_published__tr": ru.VACANCIES_PUBLISHED}
    appeals = [{"channel": channel, "received_on": received, "answered_on": answered}
               for channel, received, answered in APPEALS[period]]
    return {
        "general": {"facts": {**GENERAL_FACTS, "certificate_date": CERTIFICATE_DATES[period],
                              **{f"{name}__tr": text for name, text in ru.SIGNATORY.items()}}},
        "acts": _bilingual({"narrative": _triplet("acts"),
                            "facts": {**INTERNAL_RULES, "rules_body__tr": ru.RULES_BODY},
                            "rows": {"orders": [_row({"number": n, "date": d, "title": t}, title=ru.ORDER_TITLES[t])
                                                for n, d, t in ORDERS[period]]},
                            # The seed lists order №2 twice; the duplicate warning is answered as a school would.
                            "warnings_explanation": TWICE_LISTED
                            if len(set(ORDERS[period])) < len(ORDERS[period]) else None}, "acts"),
        "services": _bilingual({"narrative": _triplet("services"),
                                "facts": {**SERVICES_FACTS, "portal_responsible__tr": ru.PORTAL_RESPONSIBLE},
                                "rows": {"services": services}}, "services"),
        "personnel": _bilingual({
            "narrative": _triplet("personnel"),
            "facts": staff,
            "rows": {
                "admin_staff": [_row({"position_title": title, "persons": persons, "staff_units": units},
                                     position_title=ru.POSITIONS_OF_STAFF[title])
                                for title, persons, units in ADMIN_STAFF],
                "movements": [_row({"year": int(period[:4]), "month": month, "direction": direction,
                                    "staff_category": category, "count": count, "reason": reason},
                                   **({"reason": ru.MOVEMENT_REASONS[reason]} if reason else {}))
                              for month, direction, category, count, reason in MOVEMENTS[period]],
                "disciplinary": [] if later else [
                    _row({"person": person, "penalty": "warning", "order_number": number, "order_date": day},
                         person=ru.PERSONS[person])
                    for person, number, day in DISCIPLINARY],
            },
            "warnings_explanation": CATEGORIES_EXPLANATION if later else ADMIN_EXPLANATION,
        }, "personnel"),
        "procurement": _bilingual({"narrative": _triplet("procurement"),
                                   "facts": {"plan_orders": PLAN_ORDERS} if later else {},
                                   "rows": {"methods": [{"method": method, "contracts": contracts, "amount": amount}
                                                        for method, contracts, amount in PROCUREMENT[period]]}},
                                  "procurement"),
        "digital": _bilingual({"narrative": _triplet("digital"),
                               "facts": {**DIGITAL_FACTS, "data_protection_order__tr": ru.DATA_PROTECTION_ORDER,
                                         "personal_data_consents": staff["teachers_total"]
                                         + staff["support_staff_total"]}}, "digital"),
        "appeals": _bilingual({"narrative": _triplet("appeals"),
                               "facts": {"received_count": len(appeals), "answered_on_time_count": len(appeals),
                                         "overdue_count": 0},
                               "rows": {"appeals": appeals}}, "appeals"),
        "transparency": _bilingual({"narrative": _triplet("transparency"),
                                    "facts": {"website": WEBSITE, "social_accounts": INSTAGRAM}}, "transparency"),
        "monitoring": _bilingual({"narrative": _triplet("monitoring"),
                                  "rows": {"events": [] if later else [_row(MONITORING_EVENT,
                                                                            **ru.MONITORING_EVENT)]}},
                                 "monitoring"),
        "control": _bilingual({"narrative": _nothing(TEXTS["control"]["basis"]),
                               "facts": {"performs_functions": "no"}}, "control"),
        "courts": _bilingual({"narrative": {"basis": TEXTS["courts"]["basis"], "violation_found": False},
                              "rows": {"cases": [_row(COURT_CASE, **ru.COURT_CASE)]}}, "courts") if later else
                  _bilingual({"narrative": _nothing(TEXTS["courts"]["basis"])}, "courts"),
        "inspections": (_bilingual({"narrative": _triplet("inspections"),
                                    "rows": {"inspections": [_row(INSPECTION, **ru.INSPECTION)]}}, "inspections")
                        if later else _bilingual({"narrative": _nothing(NO_INSPECTIONS)}, "inspections",
                                                 basis=ru.NO_INSPECTIONS)),
        "fiscal": _bilingual({"narrative": _nothing(TEXTS["fiscal"]["basis"])}, "fiscal"),
        "interactions": _bilingual({"narrative": _nothing(TEXTS["interactions"]["basis"])}, "interactions"),
        "media": _bilingual({"narrative": _triplet("media"), "facts": {"negative_publications": 0}}, "media"),
        "conclusion": {
            "narrative": {"risks": CONCLUSION_RISKS, "basis": TEXTS["conclusion"]["finding"],
                          "recommendations": TEXTS["conclusion"]["lead"], "violation_found": False},
            "translations": {"risks": ru.CONCLUSION_RISKS, "basis": ru.TEXTS["conclusion"]["finding"],
                             "recommendations": ru.TEXTS["conclusion"]["lead"]},
            "facts": {"overall_finding": TEXTS["conclusion"]["finding"], "audience": AUDIENCE,
                      "overall_finding__tr": ru.TEXTS["conclusion"]["finding"], "audience__tr": ru.AUDIENCE},
            # No follow-ups: the seed reports none (2025-H2 follows up 2025-H1's plan).
            "rows": {"recommendations": [_row({"text": text, "deadline_kind": kind, "section": section,
                                               "responsible": RESPONSIBLE}, text=russian, responsible=ru.RESPONSIBLE)
                                         for (text, kind), russian, section in zip(RECOMMENDATIONS, ru.RECOMMENDATIONS,
                                                                                   RECOMMENDATION_SECTIONS,
                                                                                   strict=True)]},
        },
        "positions": {"rows": {"positions": [_row(position, **russian)
                                             for position, russian in zip(POSITIONS, ru.POSITIONS, strict=True)]}},
    }
