package org.diptych.formats;

/** Test posts written for Diptych's tests: the same kind of statement in Russian, English and Portuguese. */
public final class Posts {
    private Posts() {}

    public static final String RU = """
            ---
            layout: post
            title: "Заявление о повышении пенсионного возраста"
            date: 2018-07-02 10:00:00 +0300
            author: Исполком движения
            category: statements
            tags: [пенсии, заявление, "социальная политика"]
            lang: ru
            ---

            [Statement on raising the retirement age](/statements/2018/07/02/pension-age)

            Правительство внесло в Государственную думу законопроект о повышении пенсионного возраста. \
            Мы считаем этот шаг **прямым ограблением** трудящихся.

            ### Наши требования

            1. Отозвать законопроект.
            2. Провести общенациональный референдум.
               - с участием профсоюзов;
               - под общественным контролем.
            3. Индексировать пенсии не ниже уровня инфляции.

            **Вопрос:** Почему сейчас? **Ответ:** потому что бюджет, т. е. казна, опустел после 2014 г. \
            Подробнее см. [доклад](https://example.org/report).

            > Пенсия — это не милость, а заработанное право.

            Мы призываем всех, кто согласен с нами,
            выйти на пикеты 28 июля.

            Подписали: \s
            В. В. Смирнов \s
            А. П. Кузнецова \s
            Е. Л. Орлов
            """;

    public static final String EN = """
            ---
            layout: post
            title: "Statement on raising the retirement age"
            date: 2018-07-02 10:00:00 +0300
            author: Movement Executive Committee
            category: statements
            tags:
              - pensions
              - statement
            ---

            [Заявление о повышении пенсионного возраста](/ru/statements/2018/07/02/pension-age)

            The government has submitted to the State Duma a bill raising the retirement age. We regard this \
            step as *outright robbery* of working people.

            ## Our demands

            - Withdraw the bill.
            - Hold a nationwide referendum, e.g. in September.
            - Index pensions at least in line with inflation.

            **Question:** Why now? **Answer:** because the budget, i.e. the treasury, has been empty since 2014. \
            See the [report](https://example.org/report) by Dr. A. Petrov for details.

            Signed: \s
            V. V. Smirnov \s
            A. P. Kuznetsova \s
            E. L. Orlov
            """;

    public static final String PT = """
            +++
            title = "Declaração sobre o aumento da idade de aposentadoria"
            date = 2018-07-02T10:00:00+03:00
            author = "Comitê Executivo do Movimento"
            categories = ["declarações"]
            tags = [
              "aposentadoria",
              "declaração",
            ]
            draft = false
            +++

            [Statement on raising the retirement age](/statements/2018/07/02/pension-age)

            O governo apresentou à Duma de Estado um projeto de lei que aumenta a idade de aposentadoria. \
            Consideramos este passo um **roubo descarado** dos trabalhadores.

            ## Nossas reivindicações

            1. Retirar o projeto de lei.
            2. Realizar um referendo nacional.

            **Pergunta:** Por que agora? **Resposta:** porque o orçamento está vazio desde 2014, \
            como disse o Sr. Silva à Sra. Souza.

            Assinaram: \s
            V. V. Smirnov \s
            A. P. Kuznetsova
            """;
}
