package dev.kumo.testsite;

import java.util.List;

/**
 * Languages whose text the test site serves in legacy charsets, each with a dozen plain sentences written for
 * the site (a town, the weather, a shop, travel, school), so that pages read like ordinary web pages. Used by
 * the language pages and by the charset detection benchmark.
 */
public enum Language {
  CHINESE_SIMPLIFIED(
      "今天早上的天气很好，我们决定去河边的公园散步。",
      "这家小店卖的面条非常有名，每天中午都有很多人排队。",
      "火车站离市中心不远，坐公共汽车大约需要二十分钟。",
      "她在大学学习经济，毕业以后想去一家银行工作。",
      "周末的市场上有新鲜的水果、蔬菜和各种各样的小吃。",
      "图书馆每天晚上九点关门，学生们常常在那里复习功课。",
      "我们的网站提供最新的新闻、体育和文化报道。",
      "如果您有任何问题，请随时通过电子邮件与我们联系。",
      "这座城市有很长的历史，老街上还保留着许多传统建筑。",
      "冬天的时候，山上会下大雪，很多人去那里滑雪。",
      "新的商品将在下个月上市，价格比去年便宜一些。",
      "孩子们在学校里学习数学、语文、英语和音乐。"),

  CHINESE_TRADITIONAL(
      "今天早上的天氣很好，我們決定去河邊的公園散步。",
      "這家小店賣的麵條非常有名，每天中午都有很多人排隊。",
      "火車站離市中心不遠，坐公共汽車大約需要二十分鐘。",
      "她在大學學習經濟，畢業以後想去一家銀行工作。",
      "週末的市場上有新鮮的水果、蔬菜和各種各樣的小吃。",
      "圖書館每天晚上九點關門，學生們常常在那裡複習功課。",
      "我們的網站提供最新的新聞、體育和文化報導。",
      "如果您有任何問題，請隨時透過電子郵件與我們聯絡。",
      "這座城市有很長的歷史，老街上還保留著許多傳統建築。",
      "冬天的時候，山上會下大雪，很多人去那裡滑雪。",
      "新的商品將在下個月上市，價格比去年便宜一些。",
      "孩子們在學校裡學習數學、國文、英文和音樂。"),

  JAPANESE(
      "今朝は天気がとても良かったので、川沿いの公園を散歩しました。",
      "この小さな店のラーメンは有名で、毎日昼になると行列ができます。",
      "駅から市役所までは歩いて十五分ほどかかります。",
      "彼女は大学で経済学を勉強していて、卒業後は銀行で働きたいそうです。",
      "週末の市場では、新鮮な野菜や果物、いろいろな食べ物が売られています。",
      "図書館は毎晩九時に閉まるので、学生たちはそれまでに帰ります。",
      "当サイトでは、最新のニュースやスポーツ、文化の情報をお届けします。",
      "ご質問がございましたら、お気軽にメールでお問い合わせください。",
      "この町には長い歴史があり、古い通りには伝統的な建物が残っています。",
      "冬になると山には雪がたくさん降り、多くの人がスキーに出かけます。",
      "新しい商品は来月発売される予定で、価格は去年より少し安くなります。",
      "子どもたちは学校で算数、国語、英語、音楽を学んでいます。"),

  KOREAN(
      "오늘 아침 날씨가 아주 좋아서 우리는 강가의 공원을 산책했습니다.",
      "이 작은 가게의 국수는 유명해서 매일 점심마다 사람들이 줄을 섭니다.",
      "기차역은 시내에서 멀지 않고 버스로 약 이십 분 걸립니다.",
      "그녀는 대학에서 경제학을 공부하고 졸업 후에 은행에서 일하고 싶어 합니다.",
      "주말 시장에는 신선한 과일과 채소, 여러 가지 음식이 있습니다.",
      "도서관은 매일 저녁 아홉 시에 문을 닫기 때문에 학생들은 그 전에 집에 갑니다.",
      "저희 사이트에서는 최신 뉴스와 스포츠, 문화 소식을 전해 드립니다.",
      "궁금한 점이 있으시면 언제든지 이메일로 문의해 주십시오.",
      "이 도시는 역사가 길고 오래된 거리에는 전통 건물이 많이 남아 있습니다.",
      "겨울이 되면 산에 눈이 많이 내리고 많은 사람들이 스키를 타러 갑니다.",
      "새 상품은 다음 달에 출시될 예정이며 가격은 작년보다 조금 쌉니다.",
      "아이들은 학교에서 수학, 국어, 영어, 음악을 배웁니다."),

  RUSSIAN(
      "Сегодня утром была хорошая погода, и мы решили погулять в парке у реки.",
      "Лапша в этом маленьком магазине очень известна, и каждый день в обед там очередь.",
      "Вокзал находится недалеко от центра города, на автобусе туда около двадцати минут.",
      "Она изучает экономику в университете и после учёбы хочет работать в банке.",
      "На субботнем рынке продают свежие фрукты, овощи и самую разную еду.",
      "Библиотека закрывается каждый вечер в девять часов, поэтому студенты уходят раньше.",
      "На нашем сайте вы найдёте последние новости, спорт и события культуры.",
      "Если у вас есть вопросы, пожалуйста, напишите нам по электронной почте.",
      "У этого города долгая история, и на старых улицах сохранилось много зданий.",
      "Зимой в горах выпадает много снега, и люди едут туда кататься на лыжах.",
      "Новые товары поступят в продажу в следующем месяце и будут немного дешевле.",
      "В школе дети изучают математику, русский язык, английский и музыку."),

  FRENCH(
      "Ce matin, il faisait très beau, alors nous avons décidé de nous promener près de la rivière.",
      "Les nouilles de cette petite boutique sont célèbres : à midi, on fait la queue devant la porte.",
      "La gare n'est pas loin du centre-ville ; le bus met à peu près vingt minutes.",
      "Elle étudie l'économie à l'université et voudrait travailler dans une banque après ses études.",
      "Au marché du samedi, on trouve des fruits frais, des légumes et toutes sortes de spécialités.",
      "La bibliothèque ferme chaque soir à neuf heures ; les étudiants y révisent leurs leçons.",
      "Notre site propose les dernières nouvelles, le sport et l'actualité culturelle.",
      "Pour toute question, n'hésitez pas à nous écrire par courriel.",
      "Cette ville a une longue histoire, et ses vieilles rues gardent des maisons à colombages.",
      "En hiver, il neige beaucoup en montagne et l'on part skier le week-end.",
      "Les nouveaux articles seront en vente le mois prochain, un peu moins chers que l'an dernier.",
      "À l'école, les élèves apprennent les mathématiques, le français, l'anglais et la musique."),

  GERMAN(
      "Heute Morgen war das Wetter schön, deshalb sind wir am Fluss spazieren gegangen.",
      "Die Nudeln in diesem kleinen Laden sind berühmt, mittags steht man dort Schlange.",
      "Der Bahnhof liegt nicht weit vom Zentrum, mit dem Bus dauert es ungefähr zwanzig Minuten.",
      "Sie studiert Wirtschaft an der Universität und möchte später bei einer Bank arbeiten.",
      "Auf dem Wochenmarkt gibt es frisches Obst, Gemüse und allerlei Spezialitäten.",
      "Die Bibliothek schließt jeden Abend um neun Uhr, die Studenten lernen dort für Prüfungen.",
      "Auf unserer Seite finden Sie aktuelle Nachrichten, Sport und Kultur.",
      "Bei Fragen schreiben Sie uns gerne eine E-Mail.",
      "Die Stadt hat eine lange Geschichte, in den alten Gassen stehen noch Fachwerkhäuser.",
      "Im Winter fällt in den Bergen viel Schnee, und viele fahren zum Skifahren hinauf.",
      "Die neuen Artikel kommen nächsten Monat in den Handel und sind etwas günstiger als im Vorjahr.",
      "In der Schule lernen die Kinder Mathematik, Deutsch, Englisch und Musik.");

  private final List<String> sentences;

  Language(String... sentences) {
    this.sentences = List.of(sentences);
  }

  /** The language's sentences, in a fixed order. */
  public List<String> sentences() {
    return sentences;
  }

  /** All the sentences, separated by a space for languages written with spaces, one paragraph of text. */
  public String paragraph() {
    return String.join(spaced() ? " " : "", sentences);
  }

  /**
   * At least {@code chars} characters of text: the sentences in turn from {@code first} (modulo their number),
   * again from the start when they run out, cut at {@code chars}.
   */
  public String text(int chars, int first) {
    StringBuilder sb = new StringBuilder(chars + 100);
    for (int i = first; sb.length() < chars; i++) {
      if (!sb.isEmpty() && spaced()) {
        sb.append(' ');
      }
      sb.append(sentences.get(Math.floorMod(i, sentences.size())));
    }
    return sb.substring(0, chars);
  }

  private boolean spaced() {
    return this != CHINESE_SIMPLIFIED && this != CHINESE_TRADITIONAL && this != JAPANESE;
  }
}
