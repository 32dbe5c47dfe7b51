#include "ink.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <cmath>

namespace lectern {

namespace {

const std::vector<InkStroke> no_strokes;

bool on_slide(double value) {
    return std::isfinite(value) && value >= -10000 && value <= 10000;
}

} // namespace

void InkBook::begin(const InkPlace& place, InkPoint point, std::size_t colour) {
    std::vector<InkStroke>& strokes = m_strokes[place];
    if (strokes.size() >= ink_max_strokes_per_slide)
        strokes.erase(strokes.begin());
    strokes.push_back({colour % ink_colours, {point}});
    m_drawing = place;
}

void InkBook::extend(InkPoint point) {
    if (!m_drawing)
        return;
    std::vector<InkPoint>& points = m_strokes[*m_drawing].back().points;
    const InkPoint& last = points.back();
    if (points.size() >= ink_max_points_per_stroke ||
        std::hypot(point.x - last.x, point.y - last.y) < ink_min_step)
        return;
    points.push_back(point);
}

void InkBook::end() {
    m_drawing.reset();
}

void InkBook::undo(const InkPlace& place) {
    const auto found = m_strokes.find(place);
    if (found == m_strokes.end())
        return;
    found->second.pop_back();
    if (found->second.empty())
        m_strokes.erase(found);
    if (m_drawing == place)
        m_drawing.reset();
}

void InkBook::erase(const InkPlace& place) {
    m_strokes.erase(place);
    if (m_drawing == place)
        m_drawing.reset();
}

const std::vector<InkStroke>& InkBook::strokes(const InkPlace& place) const {
    const auto found = m_strokes.find(place);
    return found == m_strokes.end() ? no_strokes : found->second;
}

bool InkBook::empty() const {
    return m_strokes.empty();
}

std::vector<InkPlace> InkBook::places() const {
    std::vector<InkPlace> places;
    for (const auto& [place, strokes] : m_strokes)
        places.push_back(place);
    return places;
}

std::string InkBook::to_json() const {
    std::string out = "{\"ink\":[";
    bool first_place = true;
    for (const auto& [place, strokes] : m_strokes) {
        out += concat(first_place ? "" : ",", "{\"slide\":", json_string(place.first),
                      ",\"step\":", place.second + 1, ",\"strokes\":[");
        for (std::size_t s = 0; s < strokes.size(); ++s) {
            out += concat(s ? "," : "", "{\"colour\":", strokes[s].colour, ",\"points\":[");
            for (std::size_t p = 0; p < strokes[s].points.size(); ++p) {
                const InkPoint& point = strokes[s].points[p];
                out += concat(p ? "," : "", '[', std::round(point.x * 10) / 10, ',',
                              std::round(point.y * 10) / 10, ']');
            }
            out += "]}";
        }
        out += "]}";
        first_place = false;
    }
    return out + "]}";
}

Expected<InkBook> InkBook::from_json(std::string_view json) {
    const Expected<JsonValue> parsed = parse_json(json, 8);
    if (!parsed)
        return Failure{concat("the ink file is not valid JSON: ", parsed.error())};
    const JsonObject* root = parsed->object();
    const JsonValue* places = root ? member_of(*root, "ink") : nullptr;
    if (!places || !places->array())
        return Failure{"the ink file has no \"ink\" list: save it again from the presenter panel"};
    InkBook book;
    for (const JsonValue& entry : *places->array()) {
        const JsonObject* place = entry.object();
        const JsonValue* slide = place ? member_of(*place, "slide") : nullptr;
        const JsonValue* step = place ? member_of(*place, "step") : nullptr;
        const JsonValue* strokes = place ? member_of(*place, "strokes") : nullptr;
        if (!slide || !slide->string() || !step || !step->number() || *step->number() < 1 ||
            std::floor(*step->number()) != *step->number() || !strokes || !strokes->array())
            return Failure{"an entry of the ink file needs \"slide\", \"step\" (from 1) and \"strokes\""};
        std::vector<InkStroke>& kept =
            book.m_strokes[{*slide->string(), static_cast<std::size_t>(*step->number()) - 1}];
        for (const JsonValue& stroke_value : *strokes->array()) {
            const JsonObject* stroke = stroke_value.object();
            const JsonValue* colour = stroke ? member_of(*stroke, "colour") : nullptr;
            const JsonValue* points = stroke ? member_of(*stroke, "points") : nullptr;
            if (!colour || !colour->number() || *colour->number() < 0 ||
                *colour->number() >= static_cast<double>(ink_colours) || !points || !points->array() ||
                points->array()->empty() || points->array()->size() > ink_max_points_per_stroke ||
                kept.size() >= ink_max_strokes_per_slide)
                return Failure{concat("a stroke on slide \"", *slide->string(),
                                      "\" is not one Lectern writes (colour 0 to 3, 1 to ",
                                      ink_max_points_per_stroke, " points, at most ",
                                      ink_max_strokes_per_slide, " strokes a slide)")};
            InkStroke ink{static_cast<std::size_t>(*colour->number()), {}};
            for (const JsonValue& point : *points->array()) {
                const JsonArray* xy = point.array();
                if (!xy || xy->size() != 2 || !(*xy)[0].number() || !(*xy)[1].number() ||
                    !on_slide(*(*xy)[0].number()) || !on_slide(*(*xy)[1].number()))
                    return Failure{
                        concat("a point on slide \"", *slide->string(), "\" is not [x, y] in slide units")};
                ink.points.push_back({*(*xy)[0].number(), *(*xy)[1].number()});
            }
            kept.push_back(std::move(ink));
        }
    }
    return book;
}

} // namespace lectern
